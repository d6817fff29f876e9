using System.CommandLine;
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
            WardTwin.Application.Planner.OutputFolder.WriteAtomically(html, ReportBuilder.Html(folder));
            Console.WriteLine($"wrote {html}");
            if (r.GetValue(noPdf))
            {
                return 0;
            }

            if (!File.Exists(r.GetValue(chromium)))
            {
                throw new ArgumentException($"--chromium: {r.GetValue(chromium)} not found (Debian: apt-get install chromium); report.html is written, report.pdf is not");
            }

            string pdf = Path.Combine(folder, "report.pdf");
            await ReportPrinter.PrintAsync(r.GetValue(chromium)!, Path.GetFullPath(html), Path.GetFullPath(pdf));
            Console.WriteLine($"wrote {pdf}");
            return 0;
        }).GetAwaiter().GetResult());
        return command;
    }
}
