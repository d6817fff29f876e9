using OpenQA.Selenium;

namespace WardTwin.EndToEnd.Tests;

/// <summary>`report DIR` on a cohort and capacity folder: a self-contained report.html with every plot drawn (in Chromium) and a report.pdf.</summary>
public sealed class ReportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_report_for_the_board_renders_every_plot_offline_and_prints_to_pdf()
    {
        string dir = Cli.TempDir();
        var cohort = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--cohort", "erasmus-2021",
            "--patients", "300", "--psa", "20", "--psa-patients", "100", "--one-way", "--engine", "reference", "--out", dir);
        Assert.True(cohort.ExitCode == 0, cohort.ToString());
        var capacity = await Cli.Run(Timeout, "capacity", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--patients-per-year", "60",
            "--beds", "2", "--chairs", "3", "--years", "2", "--replications", "4", "--out", dir);
        Assert.True(capacity.ExitCode == 0, capacity.ToString());

        var report = await Cli.Run(Timeout, "report", dir);
        Assert.True(report.ExitCode == 0, report.ToString());
        string html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"));
        Assert.DoesNotContain("src=\"", html, StringComparison.Ordinal); // nothing fetched: it opens offline
        var pdf = await File.ReadAllBytesAsync(Path.Combine(dir, "report.pdf"));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 50_000, $"{pdf.Length} bytes");

        using var browser = Chromium.Browser("1400,1200");
        browser.Navigate().GoToUrl(new Uri(Path.Combine(dir, "report.html")).AbsoluteUri);
        var wait = Chromium.Wait(browser);
        string[] plots = ["chart-responders", "chart-nrs", "chart-side-effects", "chart-costs", "chart-ce-plane", "chart-ceac", "chart-tornado", "chart-capacity"];
        wait.Until(d => d.FindElements(By.CssSelector("[data-chart]")).Count == plots.Length);
        foreach (var id in plots)
        {
            // Each plot is a Chart.js chart with data points drawn, not an empty canvas.
            long points = Chromium.ChartPoints(browser, id);
            Assert.True(points > 0, $"{id}: {points} points");
        }

        string text = browser.FindElement(By.TagName("main")).Text;
        Assert.Contains("Summary", text, StringComparison.Ordinal);
        Assert.Contains("Assumptions and provenance", text, StringComparison.Ordinal);
        Assert.Contains("sha256", text, StringComparison.Ordinal);
        Chromium.Shot(browser, "report-top");
        browser.ExecuteScript("document.getElementById('chart-ce-plane').scrollIntoView()");
        Chromium.Shot(browser, "report-psa");

        var missing = await Cli.Run(Timeout, "report", Cli.TempDir());
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("neither comparison.json (from cohort) nor capacity.json (from capacity) is there", missing.Stderr, StringComparison.Ordinal);
    }
}
