using System.Diagnostics;

namespace WorkTrackr.Tests.Infrastructure;

/// <summary>Reads PDFs back the way a person's PDF reader would, with Debian's poppler-utils (./test.sh installs them).</summary>
public static class PdfTools
{
    /// <summary>Runs poppler's pdftotext, pdfinfo or pdffonts on a PDF and returns what it prints.</summary>
    public static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"worktrackr-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options) start.ArgumentList.Add(option);
            start.ArgumentList.Add(file);
            if (tool == "pdftotext") start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
