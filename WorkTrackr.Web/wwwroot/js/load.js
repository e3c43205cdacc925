// Loads a script or a style sheet of the app's own (wwwroot/lib) once per page, however many components ask for it;
// a failed load can be tried again.
const loading = new Map();

function load(url, make) {
    if (!loading.has(url)) {
        loading.set(url, new Promise((resolve, reject) => {
            const element = make();
            element.onload = resolve;
            element.onerror = () => { loading.delete(url); reject(new Error(`Could not load ${url}`)); };
            document.head.appendChild(element);
        }));
    }
    return loading.get(url);
}

export const loadScript = url => load(url, () => Object.assign(document.createElement("script"), { src: url }));

export const loadStyle = url => load(url, () => Object.assign(document.createElement("link"), { rel: "stylesheet", href: url }));
