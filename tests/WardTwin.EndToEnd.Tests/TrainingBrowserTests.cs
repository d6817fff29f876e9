using System.Text.RegularExpressions;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// Headless Chromium as an instructor and a trainee: the instructor starts a scenario paused for two trainees and injects
/// an event, a trainee sees what the titration rule reads and her bed's log, answers on her ward (a hex rate refused in the
/// page), discharges a bed that then shows empty, the instructor starts the clock and jumps to the review, and the debrief
/// shows the score, the evidence with what the page showed, and the timeline.
/// </summary>
public sealed class TrainingBrowserTests
{
    private static ChromeDriver Browser() => Chromium.Browser("1500,1400");

    private static void Shot(ChromeDriver b, string name) => Chromium.Shot(b, name);

    /// <summary>Picks an option of a select as a user would, and tells the page it changed.</summary>
    private static void Choose(ChromeDriver b, string id, string value)
    {
        var select = b.FindElement(By.Id(id));
        select.FindElements(By.TagName("option")).First(o => o.GetAttribute("value") == value).Click();
        Assert.Equal(value, select.GetAttribute("value"));
    }


    [Fact]
    public async Task An_instructor_starts_a_scenario_for_two_trainees_injects_an_event_a_trainee_answers_and_the_debrief_shows_it()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");
        using var browser = Browser();
        var wait = Chromium.Wait(browser);

        // The instructor starts the Erasmus scenario for ann and ben.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/instructor.html");
        wait.Until(d => d.FindElements(By.CssSelector("#scenario option")).Count >= 3);
        Choose(browser, "scenario", "erasmus-day1-hallucinations");
        var sessionBox = browser.FindElement(By.Id("session"));
        sessionBox.Clear();
        sessionBox.SendKeys("e2e");
        Assert.True(browser.FindElement(By.Id("startPaused")).Selected); // the clock waits for the instructor by default
        browser.FindElement(By.Id("start")).Click();
        wait.Until(d => d.FindElements(By.CssSelector("section.trainee")).Count == 2);
        wait.Until(d => d.FindElement(By.CssSelector("section[data-trainee='ann']")).Text.Contains("The clock waits", StringComparison.Ordinal));

        // ...and injects the hallucinations on ann's ward only.
        wait.Until(d => d.FindElements(By.CssSelector("#target option")).Count == 3);
        Choose(browser, "event", "hallucinations");
        Choose(browser, "target", "ann");
        browser.FindElement(By.Id("inject")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text.Contains("injected hallucinations", StringComparison.Ordinal));
        wait.Until(d => d.FindElement(By.CssSelector("section[data-trainee='ann'] table.record")).Text.Contains("event hallucinations (instructor)", StringComparison.Ordinal));
        Assert.DoesNotContain("hallucinations", wait.Until(d => d.FindElement(By.CssSelector("section[data-trainee='ben'] table.record")).Text), StringComparison.Ordinal);
        Shot(browser, "training-instructor");

        // Ann sees it on her ward: severe psychotomimetic effects on bed 1, the clock waiting, what the rule reads.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/trainee.html?session=e2e&trainee=ann");
        IWebElement Bed(int n = 1) => browser.FindElement(By.CssSelector($"section.bed[data-bed='{n}']"));
        wait.Until(_ => Bed().Text.Contains("psychotomimetic severe", StringComparison.Ordinal));
        Assert.Contains("the clock waits for your instructor", browser.FindElement(By.Id("banner")).Text, StringComparison.Ordinal);
        Assert.Contains("(paused)", browser.FindElement(By.Id("clock")).Text, StringComparison.Ordinal);
        wait.Until(_ => Bed().Text.Contains("relief noticed at the last review: not asked yet", StringComparison.Ordinal));
        Assert.Matches(@"since the last review[^\n]*psychotomimetic severe", Bed().FindElement(By.CssSelector(".effects")).Text);
        Assert.Matches(@"S-ketamine 1(\.00)? mg/mL · infused [0-9.]+ mL", Bed().FindElement(By.CssSelector(".pump")).Text);
        wait.Until(_ => Bed().FindElement(By.CssSelector("table.bed-log")).Text.Contains("psychotomimetic severe for 1 h", StringComparison.Ordinal));

        // An empty rate, and 0x10 (which JavaScript would read as 16), are refused in the page and nothing is sent.
        var setRate = Bed().FindElements(By.TagName("button")).First(b => b.Text == "Set rate");
        setRate.Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains("rate: '' is not a number of mg/h", StringComparison.Ordinal));
        Bed().FindElement(By.CssSelector("input[aria-label='bed 1 rate mg/h']")).SendKeys("0x10");
        setRate.Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains("rate: '0x10' is not a number of mg/h", StringComparison.Ordinal));
        Assert.Contains("3.0 mg/h set", Bed().Text, StringComparison.Ordinal);

        // She lowers the rate and gives midazolam; both go into the bed's log as hers.
        Bed().FindElement(By.CssSelector("input[aria-label='bed 1 rate mg/h']")).Clear();
        Bed().FindElement(By.CssSelector("input[aria-label='bed 1 rate mg/h']")).SendKeys("2");
        Bed().FindElements(By.TagName("button")).First(b => b.Text == "Set rate").Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains("set-rate 2 done", StringComparison.Ordinal));
        Bed().FindElements(By.TagName("button")).First(b => b.Text == "Give").Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains("midazolam 2 done", StringComparison.Ordinal));
        wait.Until(_ => Bed().Text.Contains("2.0 mg/h set", StringComparison.Ordinal));
        Assert.NotEmpty(Bed().FindElements(By.CssSelector(".monitor canvas")));
        wait.Until(_ => Bed().FindElement(By.CssSelector("table.bed-log")).Text.Contains("you midazolam 2 mg (given by hand)", StringComparison.Ordinal));

        // Bed 2 is discharged: it shows as empty, with nothing of its patient left on it.
        wait.Until(_ => Bed(2).Text.Contains("mg/h set", StringComparison.Ordinal));
        Bed(2).FindElements(By.TagName("button")).First(b => b.Text == "Discharge").Click();
        browser.SwitchTo().Alert().Accept();
        wait.Until(_ => Bed(2).Text.Trim() == "Bed 2: empty");
        Assert.All(Bed(2).FindElements(By.CssSelector("button, input, canvas, .num")), e => Assert.False(e.Displayed));
        Shot(browser, "training-trainee-ward");

        // The instructor starts the clock, notes a bookmark and jumps to the 11:00 review, which closes the 15-minute windows.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/instructor.html?session=e2e");
        wait.Until(d => d.FindElements(By.CssSelector("section.trainee")).Count == 2);
        browser.FindElement(By.Id("resume")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text == "running");
        wait.Until(d => !d.FindElement(By.CssSelector("section[data-trainee='ann']")).Text.Contains("The clock waits", StringComparison.Ordinal));
        browser.FindElement(By.Id("note")).SendKeys("lowered and sedated within a minute");
        browser.FindElement(By.Id("annotate")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text == "noted on the record");
        browser.FindElement(By.Id("jump")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text.StartsWith("jumped to day 1 11:0", StringComparison.Ordinal));

        // Back on her ward: the score's inputs after the review (a pain score, relief asked), the clock running.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/trainee.html?session=e2e&trainee=ann");
        wait.Until(_ => Regex.IsMatch(Bed().FindElement(By.CssSelector(".pain")).Text, @"pain: NRS \d+ \(day 1 11:0\d\) · relief noticed at the last review: (yes|no)"));
        Assert.Equal(string.Empty, browser.FindElement(By.Id("banner")).Text);
        Assert.Equal("Bed 2: empty", Bed(2).Text.Trim());

        // Ben tries 15 mg/h (above the 14 mg/h hard limit): his scenario ends, and his page says so, and what now, after a reload.
        var critical = await silo.Http.PostAsync(silo.BaseUrl + "/api/training/e2e/act",
            new StringContent("{\"trainee\":\"ben\",\"bed\":1,\"action\":\"set-rate\",\"value\":15}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, critical.StatusCode);
        browser.Navigate().GoToUrl(silo.BaseUrl + "/trainee.html?session=e2e&trainee=ben");
        var ended = wait.Until(d => d.FindElement(By.Id("banner")).Text is { Length: > 0 } t && t.StartsWith("Your scenario has ended", StringComparison.Ordinal) ? t : null);
        Assert.Contains("15 mg/h, above the hard limit", ended, StringComparison.Ordinal);
        Assert.Contains("start the scenario again for them as a new session", ended, StringComparison.Ordinal);
        wait.Until(d => d.FindElement(By.Id("clock")).Text.Contains("(paused: the scenario has ended)", StringComparison.Ordinal));
        Shot(browser, "training-trainee-ended");

        // The debrief shows the score, both answers as met, and the course beside the protocol's.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/debrief.html?session=e2e&trainee=ann");
        var score = wait.Until(d => d.FindElements(By.Id("score")).FirstOrDefault());
        Assert.Matches(@"^score \d+ %$", score.Text);
        var rubric = browser.FindElement(By.TagName("main")).Text;
        Assert.Contains("met: psychotomimetic severe; ann: midazolam 2 (give midazolam)", rubric, StringComparison.Ordinal);
        Assert.Contains("met: psychotomimetic severe; ann: set-rate 2 (lower the rate)", rubric, StringComparison.Ordinal);
        Assert.Contains("the page showed: pump ", rubric, StringComparison.Ordinal);
        Assert.Contains("side effects: psychotomimetic severe", rubric, StringComparison.Ordinal);
        Assert.Contains("instructor: lowered and sedated within a minute", rubric, StringComparison.Ordinal);
        Assert.Contains("the trainee's course and the protocol's own", rubric, StringComparison.Ordinal);
        Assert.True(browser.FindElements(By.CssSelector(".chartbox canvas")).Count >= 4);
        Shot(browser, "training-debrief");

        // The export stands alone: the chart library and the data are inside it, nothing is fetched.
        string export = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/training/e2e/ann/debrief.html");
        Assert.Contains("renderDebrief({", export, StringComparison.Ordinal);
        Assert.Contains("Chart.js", export, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"/", export, StringComparison.Ordinal);
        string file = Path.Combine(Cli.TempDir(), "debrief.html");
        await File.WriteAllTextAsync(file, export);
        browser.Navigate().GoToUrl("file://" + file);
        wait.Until(d => d.FindElements(By.Id("score")).FirstOrDefault()?.Text.StartsWith("score", StringComparison.Ordinal) == true);
        Shot(browser, "training-debrief-export");
    }
}

/// <summary>`run --scenario` from the command line: a bad scenario is refused before any silo starts.</summary>
public sealed class RunScenarioCommandTests
{
    [Fact]
    public async Task An_unknown_scenario_is_refused_naming_the_known_ones()
    {
        var run = await Cli.Run(TimeSpan.FromMinutes(2), "run", "--scenario", "no-such-scenario", "--for", "1");
        Assert.Equal(2, run.ExitCode); // the data-file error code, as for an unknown protocol
        Assert.Contains("--scenario: no-such-scenario: unknown scenario id; known ids: erasmus-day1-hallucinations", run.Stderr, StringComparison.Ordinal);
    }
}
