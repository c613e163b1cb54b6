/**
 * “下载图片（PNG，1080 像素宽）” on a 图解 page: draws the page's SVG onto a canvas 1080 px wide
 * and saves it as a PNG. The site's font faces that the SVG's characters need are read from
 * `/fonts/fonts.css`, fetched from the site and embedded as data: URLs (an SVG drawn as an image
 * cannot reach the page's fonts, and a kiosk has no Chinese font of its own), so it works offline.
 */
import { facesForText, fontFaceRule, parseFontFaceCss } from '../lib/fonts/fontFaceRule.ts';
import { embedStyle, firstFamily, imageSize } from '../lib/tujie/downloadImage.ts';

const FONT_CSS = '/fonts/fonts.css';

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** The SVG as standalone markup with the faces its text needs embedded. */
async function svgWithFonts(svg: SVGSVGElement): Promise<string> {
  const family = firstFamily(svg.getAttribute('font-family') ?? '');
  const faces = facesForText(parseFontFaceCss(await (await fetchOk(FONT_CSS)).text()), family, svg.textContent ?? '');
  const rules = await Promise.all(
    faces.map(async (face) => fontFaceRule({ ...face, url: await dataUrl(await (await fetchOk(face.url)).blob()) }, family, 'block')),
  );
  return embedStyle(new XMLSerializer().serializeToString(svg), rules.join('\n'));
}

async function drawPng(svg: SVGSVGElement): Promise<Blob> {
  const markup = await svgWithFonts(svg);
  const image = new Image();
  // A data: URL, which the Content-Security-Policy allows for images (blob: is not listed).
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const { width, height } = imageSize(svg.viewBox.baseVal.width, svg.viewBox.baseVal.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'),
  );
}

/** Draws the 图解 that `button` names (`data-tujie-download`: the id holding the SVG) and saves it. */
export async function downloadTujie(button: HTMLButtonElement): Promise<void> {
  const figure = document.getElementById(button.dataset.tujieDownload ?? '')?.querySelector('svg');
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  const say = (text: string) => void (status && (status.textContent = text));
  button.disabled = true;
  say('正在生成图片…');
  try {
    if (!figure) throw new Error(`no <svg> in #${button.dataset.tujieDownload}`);
    const url = URL.createObjectURL(await drawPng(figure));
    const link = document.createElement('a');
    link.href = url;
    link.download = button.dataset.filename ?? 'tujie.png';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say('图片已生成。');
  } catch (error) {
    console.error(error);
    say('图片生成失败，请刷新页面后重试。');
  } finally {
    button.disabled = false;
  }
}
