using System.CommandLine;
using System.Diagnostics;
using WardTwin.Dashboard;

namespace WardTwin.Silo.Cli;

/// <summary>`report DIR`: a cohort or capacity folder as DIR/report.html (self-contained) and DIR/report.pdf (headless Chromium's print).</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "A `cohort` or `capacity` output folder" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Write report.html only" };
        var chromium = new Option<string>("--chromium") { Description = "The Chromium that prints the PDF", DefaultValueFactory = _ => "/usr/bin/chromium" };
        var command = new Command("report", "Write DIR/report.html (self-contained: words, tables, plots, assumptions, provenance) and DIR/report.pdf") { dir, noPdf, chromium };
        command.SetAction(r => CommonOptions.GuardAsync(async () =>
        {
            string folder = r.GetValue(dir)!;
            string html = Path.Combine(folder, "report.html");
            CohortOutput.WriteAtomically(html, ReportBuilder.Html(folder));
            Console.WriteLine($"wrote {html}");
            if (r.GetValue(noPdf))
            {
                return 0;
            }

            string pdf = Path.Combine(folder, "report.pdf");
            await PrintAsync(r.GetValue(chromium)!, Path.GetFullPath(html), Path.GetFullPath(pdf));
            Console.WriteLine($"wrote {pdf}");
            return 0;
        }).GetAwaiter().GetResult());
        return command;
    }

    /// <summary>Chromium runs the page's scripts (the plots) before printing: a virtual-time budget lets them finish.</summary>
    private static async Task PrintAsync(string chromium, string html, string pdf)
    {
        if (!File.Exists(chromium))
        {
            throw new ArgumentException($"--chromium: {chromium} not found (Debian: apt-get install chromium); report.html is written, report.pdf is not");
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
}
