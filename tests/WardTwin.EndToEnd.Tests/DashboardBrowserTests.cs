using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace WardTwin.EndToEnd.Tests;

/// <summary>A real headless Chromium (Debian's, through its chromedriver) drives the dashboard as a trainee and a planner would.</summary>
public sealed class DashboardBrowserTests
{
    private static ChromeDriver Browser() => Chromium.Browser();

    private static void Shot(ChromeDriver browser, string name) => Chromium.Shot(browser, name);

    [Fact]
    public async Task A_trainee_changes_a_pump_rate_sees_pump_and_monitor_update_and_is_refused_above_the_hard_limit()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "4", "--time-scale", "600");
        using var browser = Browser();
        var wait = Chromium.Wait(browser);
        browser.Navigate().GoToUrl(silo.BaseUrl + "/");

        var row = wait.Until(d => d.FindElements(By.CssSelector("tr[data-bed='0']")).FirstOrDefault(r => r.GetAttribute("data-admission")?.Length > 0));
        string hrBefore = wait.Until(_ => row.FindElement(By.CssSelector(".hr")).Text is { Length: > 0 } t && t != "–" ? t : null);

        browser.FindElement(By.Id("rate-0")).SendKeys("6");
        browser.FindElement(By.Id("set-rate-0")).Click();
        wait.Until(_ => browser.FindElement(By.Id("msg-0")).Text.Contains("pump set to 6", StringComparison.Ordinal));
        wait.Until(_ => row.FindElement(By.CssSelector(".rate")).Text == "6.0");
        var monitorMoved = wait.Until(_ => row.FindElement(By.CssSelector(".hr")).Text is { } now && now != hrBefore ? now : null);
        Assert.NotNull(monitorMoved);
        Shot(browser, "ward-rate-changed");

        var input = browser.FindElement(By.Id("rate-0"));
        input.Clear();
        input.SendKeys("20");
        browser.FindElement(By.Id("set-rate-0")).Click();
        var message = wait.Until(_ => browser.FindElement(By.Id("msg-0")) is var m && m.Text.Contains("refused", StringComparison.Ordinal) ? m : null);
        Assert.Contains("hard limit of 14 mg/h", message.Text, StringComparison.Ordinal);
        Assert.Contains("refused", message.GetAttribute("class"), StringComparison.Ordinal);
        var pump = System.Text.Json.Nodes.JsonNode.Parse(await silo.Http.GetStringAsync(silo.BaseUrl + "/api/patients/ward-1/0"))!["pump"]!;
        Assert.Equal(6.0, (double)pump["rateMgPerH"]!);

        // The row is redrawn from the feed after the refusal (a newer reading shows) and still says 6.
        string hrAtRefusal = row.FindElement(By.CssSelector(".hr")).Text;
        wait.Until(_ => row.FindElement(By.CssSelector(".hr")).Text != hrAtRefusal);
        Assert.Equal("6.0", row.FindElement(By.CssSelector(".rate")).Text);
        Shot(browser, "ward-hard-limit-refused");

        // An empty rate box is refused by the page (it used to send 0 mg/h and report success); so is a typo in the speed box.
        browser.FindElement(By.Id("rate-0")).Clear();
        browser.FindElement(By.Id("set-rate-0")).Click();
        wait.Until(_ => browser.FindElement(By.Id("msg-0")).Text.Contains("rate: enter a number", StringComparison.Ordinal));
        var scale = browser.FindElement(By.Id("new-scale"));
        scale.Clear();
        scale.SendKeys("6o0");
        browser.FindElement(By.Id("speed-ward")).Click();
        wait.Until(_ => browser.FindElement(By.Id("ward-message")).Text.Contains("speed: enter a number (got '6o0')", StringComparison.Ordinal));
        Assert.Equal("6.0", row.FindElement(By.CssSelector(".rate")).Text);

        browser.Navigate().GoToUrl(silo.BaseUrl + "/patient.html?id=ward-1/0");
        wait.Until(_ => Chromium.ChartPoints(browser, "chart-plasma") >= 3 && Chromium.ChartPoints(browser, "chart-side-effects") >= 1);

        // Saturation and breathing rate on their own chart, each line the monitor's own readings on its own axis.
        wait.Until(_ => Chromium.ChartPoints(browser, "chart-breathing") >= 4 && Chromium.ChartPoints(browser, "chart-circulation") >= 6);
        var breathing = (IReadOnlyCollection<object>)browser.ExecuteScript(
            "const c = Chart.getChart('chart-breathing'); return c.data.datasets.map(d => [d.label, d.yAxisID, d.data.length, Math.min(...d.data.map(p => p.y)), Math.max(...d.data.map(p => p.y))].join('|'));")!;
        var lines = breathing.Select(o => ((string)o).Split('|')).ToDictionary(f => f[0]);
        Assert.Equal("spo2", lines["SpO2 %"][1]);
        Assert.Equal("rr", lines["RR /min"][1]);
        Assert.Equal(lines["SpO2 %"][2], lines["RR /min"][2]);
        Assert.InRange(double.Parse(lines["SpO2 %"][4], System.Globalization.CultureInfo.InvariantCulture), 50, 100);
        Assert.InRange(double.Parse(lines["RR /min"][3], System.Globalization.CultureInfo.InvariantCulture), 0, 60);
        Assert.StartsWith("now:", browser.FindElement(By.Id("side-effects-now")).Text, StringComparison.Ordinal);
        Shot(browser, "patient-charts");
    }

    [Fact]
    public async Task The_ward_page_shows_the_monitors_own_readings_and_alarm_boards_from_the_pushed_stream()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "3", "--time-scale", "60");
        using var browser = Browser();
        var wait = Chromium.Wait(browser);
        browser.Navigate().GoToUrl(silo.BaseUrl + "/");
        var row = wait.Until(d => d.FindElements(By.CssSelector("tr[data-bed='0']")).FirstOrDefault(r => r.GetAttribute("data-admission")?.Length > 0));
        string id = row.GetAttribute("data-admission")!;

        // What the page shows must be one of the monitor's own noisy readings (the model's truth is never shown):
        // the page's SpO2 with one decimal appears among the monitor's last readings.
        bool Shown()
        {
            string spo2 = row.FindElement(By.CssSelector(".spo2")).Text.Split(' ')[0];
            if (spo2 is "–" or "")
            {
                return false;
            }

            var monitor = System.Text.Json.Nodes.JsonNode.Parse(silo.Http.GetStringAsync($"{silo.BaseUrl}/api/patients/{id}").GetAwaiter().GetResult())!;
            var readings = monitor["vitals"]!.AsArray().Select(v => ((double)v!["spo2Percent"]!).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            string alarmsOnPage = string.Join(' ', row.FindElements(By.CssSelector(".alarms .alarm")).Select(a => a.Text).Order(StringComparer.Ordinal));
            string alarmsOnMonitor = string.Join(' ', monitor["alarms"]!.AsArray().Where(a => (bool)a!["active"]! || !(bool)a!["acknowledged"]!).Select(a => (string)a!["kind"]!).Order(StringComparer.Ordinal));
            return readings.Contains(spo2) && alarmsOnPage == alarmsOnMonitor;
        }

        wait.Until(_ => Shown());
        Shot(browser, "ward-monitor-readings");
    }

    [Fact]
    public async Task A_planner_compares_two_protocols_in_one_population_asks_a_capacity_question_and_downloads_the_reports()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");
        using var browser = Browser();
        var wait = Chromium.Wait(browser, 90);
        browser.Navigate().GoToUrl(silo.BaseUrl + "/planner.html");
        wait.Until(d => d.FindElements(By.CssSelector("#protocol-list input")).Count >= 13);
        wait.Until(d => d.FindElements(By.CssSelector("#cohort option")).Count >= 4);
        browser.FindElements(By.CssSelector("#cohort option")).First(o => o.GetAttribute("value") == "erasmus-2021").Click();
        browser.FindElements(By.CssSelector("#comparator option")).First(o => o.GetAttribute("value") == "goldberg-10d-outpatient").Click();
        var patients = browser.FindElement(By.Id("patients"));
        patients.Clear();
        patients.SendKeys("400");

        // Societal costs, one's own day price, a PSA of 12 draws, and one's own protocol (Erasmus starting at 4 mg/h) as a file.
        browser.FindElements(By.CssSelector("#perspective option")).First(o => o.GetAttribute("value") == "societal").Click();
        browser.FindElement(By.Id("price-overrides")).SendKeys("inpatient_day=596");
        browser.FindElement(By.Id("psa")).Click();
        foreach (var (id, value) in new[] { ("psa-draws", "12"), ("psa-patients", "60") })
        {
            var box = browser.FindElement(By.Id(id));
            box.Clear();
            box.SendKeys(value);
        }

        // Three years followed with Dixon's utilities, and the hospital's budget for 60 patients a year.
        browser.FindElements(By.CssSelector("#horizon-years option")).First(o => o.GetAttribute("value") == "3").Click();
        browser.FindElement(By.Id("budget-impact")).SendKeys("60");

        var mine = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Cli.RepositoryRoot, "data", "protocols", "erasmus-7d.json")))!;
        mine["id"] = "my-erasmus";
        mine["rate"]!["start"] = 4;
        string ownFile = Path.Combine(Cli.TempDir(), "my-erasmus.json");
        await File.WriteAllTextAsync(ownFile, mine.ToJsonString());
        browser.FindElement(By.Id("own-protocol")).SendKeys(ownFile);
        browser.FindElement(By.Id("run-planner")).Click();
        wait.Until(d => d.FindElement(By.Id("message")).Text.Contains("done", StringComparison.Ordinal));

        // Plots from the chart library, each with its data; the comparator first in the table.
        foreach (var id in new[] { "chart-responders", "chart-nrs", "chart-side-effects", "chart-costs", "chart-ce-plane", "chart-ceac" })
        {
            long points = Chromium.ChartPoints(browser, id);
            Assert.True(points > 0, $"{id}: {points}");
        }

        // The decision in words first: QALYs over the three years at the country's threshold, with its probability.
        string decision = browser.FindElement(By.CssSelector("#results .report-section")).Text;
        Assert.StartsWith("Decision", decision, StringComparison.Ordinal);
        Assert.Matches(@"is recommended at 20,000 EUR per QALY: .+; the probability it is the cost-effective choice is [01]\.\d\d\.", decision);
        Assert.Contains("QALYs per patient over 3 years, discounted", decision, StringComparison.Ordinal);
        Assert.Contains("Budget impact: 60 patients a year", browser.FindElement(By.Id("results")).Text, StringComparison.Ordinal);
        Assert.True(Chromium.ChartPoints(browser, "chart-budget") > 0, "budget impact drawn");

        var rows = browser.FindElements(By.XPath("//div[@id='results']//section[h2='Protocols compared']//table[1]//tr"));
        Assert.StartsWith("goldberg-10d-outpatient", rows[1].Text, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Text.StartsWith("my-erasmus 400", StringComparison.Ordinal));
        string results = browser.FindElement(By.Id("results")).Text;
        Assert.Contains("\"perspective\": \"societal\"", results, StringComparison.Ordinal);
        Assert.Contains("\"inpatient_day\": 596", results, StringComparison.Ordinal);
        Assert.Contains("wardtwin-uploaded-protocols", results, StringComparison.Ordinal); // the uploaded file, hashed in the provenance
        Assert.Contains("(probabilistic analysis)", results, StringComparison.Ordinal);
        Assert.Contains("Comparator: goldberg-10d-outpatient", browser.FindElement(By.Id("results")).Text, StringComparison.Ordinal);
        Assert.Contains("comparison.csv", browser.FindElement(By.Id("downloads")).Text, StringComparison.Ordinal);
        Shot(browser, "planner-comparison");

        string psaCsv = await silo.Http.GetStringAsync(browser.FindElement(By.LinkText("psa.csv")).GetAttribute("href"));
        Assert.StartsWith("draw,protocol,cost,", psaCsv, StringComparison.Ordinal);
        Assert.Equal(1 + (12 * 3), psaCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        string report = await silo.Http.GetStringAsync(browser.FindElement(By.Id("report-link")).GetAttribute("href"));
        Assert.Contains("renderReport({", report, StringComparison.Ordinal);
        Assert.Contains("erasmus-2021", report, StringComparison.Ordinal);
        var pdf = await silo.Http.GetByteArrayAsync(browser.FindElement(By.Id("report-pdf")).GetAttribute("href"));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        // The capacity question, on the same page: Goldberg's ten sessions for 60 a year on two chairs are more than they hold.
        var chairs = browser.FindElement(By.Id("chairs"));
        chairs.Clear();
        chairs.SendKeys("2");
        browser.FindElement(By.Id("run-capacity")).Click();
        wait.Until(d => d.FindElement(By.Id("capacity-message")).Text.Contains("done", StringComparison.Ordinal));
        long bars = (long)browser.ExecuteScript("return Chart.getChart('chart-capacity').data.datasets[0].data.length;")!;
        Assert.Equal(2, bars);
        string capacityText = browser.FindElement(By.Id("capacity-results")).Text;
        Assert.Contains("needed: 90th centile within target", capacityText, StringComparison.Ordinal);
        Assert.Contains("goldberg-10d-outpatient on 2 chairs: overloaded: demand exceeds capacity, the queue grows without bound", capacityText, StringComparison.Ordinal);
        browser.ExecuteScript("document.getElementById('capacity-results').scrollIntoView()");
        Shot(browser, "planner-capacity");
        string capacityCsv = await silo.Http.GetStringAsync(browser.FindElement(By.LinkText("capacity.csv")).GetAttribute("href"));
        Assert.Equal(1 + (2 * 10), capacityCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        string capacityReport = await silo.Http.GetStringAsync(browser.FindElement(By.Id("capacity-report-link")).GetAttribute("href"));
        Assert.Contains("\"resource\":\"chairs\"", capacityReport, StringComparison.Ordinal);

        string csv = await silo.Http.GetStringAsync(browser.FindElement(By.LinkText("comparison.csv")).GetAttribute("href"));
        Assert.StartsWith("protocol,patients,", csv, StringComparison.Ordinal);
        Assert.Contains("goldberg-10d-outpatient", csv, StringComparison.Ordinal);
    }
}
