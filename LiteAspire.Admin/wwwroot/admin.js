// Small browser helpers the dashboard calls through JS interop.
window.liteAspire = {
    // Marks the page as live (the circuit is connected); browser tests wait for it before clicking.
    markInteractive: function () {
        document.documentElement.dataset.interactive = "true";
    },
    // Copies text to the clipboard; resolves to false where the browser refuses (no permission, insecure origin).
    copy: async function (text) {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            return false;
        }
    },
    // Starts a download of text the page already holds (CSV exports).
    download: function (fileName, contentType, text) {
        const blob = new Blob([text], { type: contentType });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(link.href);
    }
};
