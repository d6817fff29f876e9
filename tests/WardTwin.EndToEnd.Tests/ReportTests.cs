using OpenQA.Selenium;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// `report DIR` on a cohort and capacity folder: a self-contained report.html with every plot drawn (in Chromium) and a
/// report.pdf; no field read under a wrong name (nothing prints "undefined" or "NaN"), every tornado row drawn, ICERs in
/// words, the PSA's cost interval beside the interval of the mean, scenarios in their own section, an overloaded unit
/// said to be one, and every table inside the printed page's width.
/// </summary>
public sealed class ReportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_report_for_the_board_renders_every_plot_offline_and_prints_to_pdf()
    {
        string dir = Cli.TempDir();
        var cohort = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--cohort", "erasmus-2021",
            "--patients", "300", "--psa", "20", "--psa-patients", "100", "--budget-impact", "60", "--one-way", "--scenario", "cheap:price.day_care_session=300", "--engine", "reference", "--out", dir);
        Assert.True(cohort.ExitCode == 0, cohort.ToString());
        var capacity = await Cli.Run(Timeout, "capacity", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--patients-per-year", "60",
            "--beds", "2", "--chairs", "2", "--years", "2", "--replications", "4", "--target-wait-days", "14", "--out", dir);
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
        string[] plots = ["chart-evppi", "chart-budget", "chart-responders", "chart-nrs", "chart-side-effects", "chart-costs", "chart-ce-plane", "chart-ceac", "chart-tornado", "chart-capacity"];
        wait.Until(d => d.FindElements(By.CssSelector("[data-chart]")).Count == plots.Length);
        foreach (var id in plots)
        {
            // Each plot is a Chart.js chart with data points drawn, not an empty canvas.
            long points = Chromium.ChartPoints(browser, id);
            Assert.True(points > 0, $"{id}: {points} points");
        }

        string text = browser.FindElement(By.TagName("main")).Text;
        Assert.Contains("Summary", text, StringComparison.Ordinal);

        // Page one is the decision in words, before any table: the country's default horizon (2 years for nl), QALYs, the
        // threshold with its currency, the probability; then what more evidence is worth and the hospital's yearly budget.
        string first = browser.FindElement(By.CssSelector(".report-section")).Text;
        Assert.StartsWith("Decision", first, StringComparison.Ordinal);
        Assert.Matches(@"Recommended: \S+", first);
        Assert.Matches(@"is recommended at 20,000 EUR per QALY: .+; the probability it is the cost-effective choice is [01]\.\d\d\.", first);
        Assert.Contains("QALYs per patient over 2 years, discounted (costs 3 %, effects 1.5 % a year)", first, StringComparison.Ordinal);
        Assert.Contains("50,000 EUR per QALY", first, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Recommended:", StringComparison.Ordinal) < text.IndexOf("Protocols compared", StringComparison.Ordinal), "the decision comes before the tables");
        Assert.Contains("Perfect information on everything (EVPI) is worth", text, StringComparison.Ordinal);
        Assert.Contains("Budget impact: 60 patients a year, EUR, undiscounted", text, StringComparison.Ordinal);
        Assert.Contains("Assumptions and provenance", text, StringComparison.Ordinal);
        Assert.Contains("sha256", text, StringComparison.Ordinal);
        Assert.DoesNotContain("undefined", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.Matches(@"parameters drawn: \d+, held at their values: \d+;", text);

        // The ICER against the comparator is a label or a price per gain or a saving per loss, never a bare (negative) ratio.
        string icer = (string)browser.ExecuteScript("const t = [...document.querySelectorAll('.report-section table')].find(x => x.rows[0].textContent.includes('ICER vs')); return t.rows[2].cells[t.rows[0].cells.length - 1].textContent;")!;
        Assert.Matches(@"^(dominant|dominated|[\d,]+ EUR (per extra responder|saved per responder forgone))", icer);
        Assert.Contains("Efficiency frontier", text, StringComparison.Ordinal);
        Assert.True((bool)browser.ExecuteScript("return Chart.getChart('chart-ceac').data.datasets.some(d => d.label.startsWith('acceptability frontier') && d.data.length > 10);")!, "the acceptability frontier is drawn");

        // Cost: this run's interval of the mean and, beside it, the PSA's interval of its draws, each labelled.
        Assert.Contains("goldberg-10d-outpatient: PSA (20 draws)", text, StringComparison.Ordinal);
        Assert.Contains("of the draws: the evidence's uncertainty", text, StringComparison.Ordinal);
        Assert.Contains("of the mean: the precision of this run's patients", text, StringComparison.Ordinal);

        // Every tornado row has a bar of some width (one end equal to the base, or an input with one alternative value, used to draw none).
        long rows = (long)browser.ExecuteScript("return Chart.getChart('chart-tornado').data.labels.length;")!;
        long drawn = (long)browser.ExecuteScript("const c = Chart.getChart('chart-tornado'); return c.data.labels.filter((_, i) => c.data.datasets.some(d => d.data[i] && d.data[i][1] !== d.data[i][0])).length;")!;
        Assert.True(rows >= 10, $"{rows} tornado rows");
        Assert.Equal(rows, drawn);

        Assert.Contains("Scenarios (several inputs changed together", text, StringComparison.Ordinal);
        Assert.Contains("price day_care_session = 300", text, StringComparison.Ordinal);

        // Goldberg's ten sessions on two chairs are more than two chairs can hold: said so, the waits not given intervals.
        Assert.Contains("goldberg-10d-outpatient on 2 chairs: overloaded: demand exceeds capacity, the queue grows without bound", text, StringComparison.Ordinal);
        Assert.Contains("grows without bound (", text, StringComparison.Ordinal);
        Assert.Contains("target 14 days: met on", text, StringComparison.Ordinal);

        Chromium.Shot(browser, "report-top");
        browser.ExecuteScript("document.getElementById('chart-ce-plane').scrollIntoView()");
        Chromium.Shot(browser, "report-psa");
        browser.ExecuteScript("document.getElementById('chart-tornado').scrollIntoView()");
        Chromium.Shot(browser, "report-tornado-scenarios");
        browser.ExecuteScript("document.getElementById('chart-capacity').scrollIntoView(false)");
        Chromium.Shot(browser, "report-capacity");

        // As printed (print styles, a page's width of about 740 CSS px), no table is wider than the page.
        browser.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        browser.Manage().Window.Size = new System.Drawing.Size(740, 1200);
        var overflowing = (System.Collections.ObjectModel.ReadOnlyCollection<object>)browser.ExecuteScript(
            "return [...document.querySelectorAll('main table')].filter(t => t.scrollWidth > document.querySelector('main').clientWidth + 1).map(t => t.rows[0].textContent);")!;
        Assert.Empty(overflowing);
        browser.ExecuteScript("document.querySelector('.report-section table').scrollIntoView()");
        Chromium.Shot(browser, "report-print-tables");

        var missing = await Cli.Run(Timeout, "report", Cli.TempDir());
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("neither comparison.json (from cohort) nor capacity.json (from capacity) is there", missing.Stderr, StringComparison.Ordinal);
    }
}
