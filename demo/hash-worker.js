// A dedicated worker that sums a transferred buffer and answers with the result.
self.onmessage = (e) => {
  const bytes = new Uint8Array(e.data.buffer);
  let sum = 0;
  for (const b of bytes) sum = (sum + b) % 65521;
  self.postMessage({ bytes: bytes.length, sum });
};
