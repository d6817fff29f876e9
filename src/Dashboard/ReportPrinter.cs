using System.Diagnostics;

namespace WardTwin.Dashboard;

/// <summary>A report's PDF, printed by headless Chromium (the command line's `report` and the planner page's button).</summary>
public static class ReportPrinter
{
    /// <summary>Chromium runs the page's scripts (the plots) before printing: a virtual-time budget lets them finish.</summary>
    public static async Task PrintAsync(string chromium, string html, string pdf)
    {
        if (!File.Exists(chromium))
        {
            throw new FileNotFoundException($"{chromium} not found (Debian: apt-get install chromium): the report's HTML is there, its PDF is not");
        }

        string profile = Path.Combine(Path.GetTempPath(), "wardtwin-report-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList =
            {
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", $"--user-data-dir={profile}",
                "--no-pdf-header-footer", "--virtual-time-budget=15000", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri,
            },
        };
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {chromium}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            string errors = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                throw new InvalidOperationException($"{chromium} could not print the report (exit {process.ExitCode}): {errors.Split('\n').LastOrDefault(l => l.Length > 0)}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile folder left in /tmp is harmless.
            }
        }
    }

    /// <summary>A report's HTML printed to PDF bytes, through a temporary folder.</summary>
    public static async Task<byte[]> PdfAsync(string chromium, string html)
    {
        string dir = Path.Combine(Path.GetTempPath(), "wardtwin-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string htmlPath = Path.Combine(dir, "report.html"), pdfPath = Path.Combine(dir, "report.pdf");
            await File.WriteAllTextAsync(htmlPath, html);
            await PrintAsync(chromium, htmlPath, pdfPath);
            return await File.ReadAllBytesAsync(pdfPath);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
