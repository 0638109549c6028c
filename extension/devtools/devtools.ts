// The devtools page: creates the Postscope panel, nothing more.
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('Postscope', 'icon.png', 'panel.html');
