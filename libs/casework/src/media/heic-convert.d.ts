/** heic-convert ships no types: it decodes an HEIC image (libheif compiled to JavaScript) into JPEG or PNG bytes. */
declare module 'heic-convert' {
  function convert(options: { buffer: Uint8Array; format: 'JPEG' | 'PNG'; quality?: number }): Promise<ArrayBuffer>;
  export = convert;
}
