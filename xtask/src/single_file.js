
// --- newslens.html start-up, appended to the page's wasm-bindgen glue by `cargo xtask post-build`.
// Everything comes from this file: the two wasm modules (gzip, base64) and the worker's glue
// (base64) sit in data blocks below the script; nothing is fetched, so it runs from file://.
{
  const block = (id) => document.getElementById(id).textContent;
  const bytesOf = (base64) => {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  };
  const gunzip = async (id) => {
    const stream = new Blob([bytesOf(block(id))]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  // The worker's code runs from a blob: URL (the policy allows workers from blob: only).
  // It waits for its compiled engine, compiled once here and handed to each worker started.
  const boot = 'self.onmessage = (e) => { self.onmessage = null; wasm_bindgen({ module_or_path: e.data }); };';
  const workerUrl = URL.createObjectURL(
    new Blob([bytesOf(block('newslens-worker-js')), boot], { type: 'text/javascript' }),
  );
  const engine = gunzip('newslens-worker-wasm').then((bytes) => WebAssembly.compile(bytes));
  engine.catch((e) => console.error('NewsLens: the engine could not be compiled:', e));
  window.newslensStartWorker = () => {
    const worker = new Worker(workerUrl);
    engine.then((module) => worker.postMessage(module));
    return worker;
  };
  await __NEWSLENS_INIT__({ module_or_path: await gunzip('newslens-app-wasm') });
}
