using System.Text.Json.Nodes;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// The night scenario whose desaturation the model makes from the doses: three trainees in real pages of one headless
/// Chromium (a tab each, the instructor in a fourth). Cara gives midazolam for the hallucinations, then oxygen and a call
/// to the doctor when the saturation falls, acknowledges every alarm and hangs the new bag; Ida does nothing; Rex gives
/// midazolam for the hallucinations and more midazolam into the desaturation. The debriefs say what each did.
/// </summary>
public sealed class TrainingBreathingBrowserTests
{
    private const string Session = "night";
    private const string Scenario = "goldberg-5d-night-midazolam-breathing";

    [Fact]
    public async Task Three_trainees_at_night_the_careful_one_meets_every_line_the_idle_one_scores_low_and_midazolam_into_the_desaturation_is_penalised()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");
        using var browser = Chromium.Browser("1500,1300");
        var wait = Chromium.Wait(browser, 60);

        // The instructor starts the scenario paused for three trainees.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/instructor.html");
        wait.Until(d => d.FindElements(By.CssSelector($"#scenario option[value='{Scenario}']")).Count == 1);
        browser.FindElements(By.CssSelector("#scenario option")).First(o => o.GetAttribute("value") == Scenario).Click();
        wait.Until(d => d.FindElement(By.Id("scenarioText")).Text.Contains("COPD", StringComparison.Ordinal));
        Type(browser.FindElement(By.Id("session")), Session);
        Type(browser.FindElement(By.Id("trainees")), "cara, ida, rex");
        browser.FindElement(By.Id("start")).Click();
        wait.Until(d => d.FindElements(By.CssSelector("section.trainee")).Count == 3);
        string instructor = browser.CurrentWindowHandle;

        // Each trainee's page: the handover of the woman with COPD, the clock waiting.
        var tab = new Dictionary<string, string>();
        foreach (var t in new[] { "cara", "ida", "rex" })
        {
            browser.SwitchTo().NewWindow(WindowType.Tab);
            tab[t] = browser.CurrentWindowHandle;
            browser.Navigate().GoToUrl($"{silo.BaseUrl}/trainee.html?session={Session}&trainee={t}");
            wait.Until(_ => Bed(browser, 1).Text.Contains("Handover: 65-year-old woman, 55 kg, COPD: SpO2 94 % on air at rest", StringComparison.Ordinal));
            wait.Until(d => d.FindElement(By.Id("banner")).Text.Contains("the clock waits for your instructor", StringComparison.Ordinal));
        }

        Chromium.Shot(browser, "training-night-waiting");

        // The instructor starts the clock at ten times real time.
        browser.SwitchTo().Window(instructor);
        browser.FindElement(By.Id("resume")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text == "running");
        Type(browser.FindElement(By.Id("speed")), "10");
        browser.FindElement(By.Id("speedBtn")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text == "speed 10");

        // The hallucinations come back at 01:01: Cara and Rex give 4 mg, Ida nothing.
        foreach (var t in new[] { "cara", "rex" })
        {
            browser.SwitchTo().Window(tab[t]);
            wait.Until(_ => Bed(browser, 1).Text.Contains("psychotomimetic severe", StringComparison.Ordinal));
            Act(browser, wait, 1, "Give", "midazolam mg", "4", "bed 1: midazolam 4 done");
        }

        // The model does the rest: sedation deepens, RR falls, SpO2 follows. Cara answers, Rex gives more midazolam.
        bool caraAnswered = false, rexDosed = false, caraBag = false, rexBag = false;
        browser.SwitchTo().Window(tab["cara"]);
        var loop = Chromium.Wait(browser, 240);
        loop.Until(_ =>
        {
            AcknowledgeAll(browser);
            if (!caraAnswered && Found(silo, "cara", "desaturation"))
            {
                Chromium.Shot(browser, "training-night-cara-desaturation");
                Act(browser, wait, 1, "Give oxygen", "oxygen L/min", "2", "bed 1: oxygen 2 done");
                Act(browser, wait, 1, "Call doctor", null, null, "the doctor is called to bed 1");
                caraAnswered = true;
            }

            if (!rexDosed && caraAnswered && Found(silo, "rex", "desaturation"))
            {
                browser.SwitchTo().Window(tab["rex"]);
                Act(browser, wait, 1, "Give", "midazolam mg", "2", "bed 1: midazolam 2 refused: the last midazolam was");
                Chromium.Shot(browser, "training-night-rex-more-midazolam");
                browser.SwitchTo().Window(tab["cara"]);
                rexDosed = true;
            }

            if (!caraBag && Alarms(browser, 2).Contains("Pump: bag empty", StringComparison.Ordinal))
            {
                AcknowledgeAll(browser);
                wait.Until(_ => Alarms(browser, 2).Contains('✓', StringComparison.Ordinal)); // acknowledged before Cara turns to the pump
                Act(browser, wait, 2, "replace bag", null, null, "bed 2: replace-bag done");
                caraBag = true;
                browser.SwitchTo().Window(tab["rex"]);
                wait.Until(_ => Alarms(browser, 2).Contains("Pump: bag empty", StringComparison.Ordinal));
                Act(browser, wait, 2, "replace bag", null, null, "bed 2: replace-bag done");
                rexBag = true;
                browser.SwitchTo().Window(tab["cara"]);
            }

            // Every window has closed by 01:18: the desaturation's 5 min, the bag's 10 min from 01:06.
            return caraAnswered && rexDosed && caraBag && rexBag && string.CompareOrdinal(browser.FindElement(By.Id("clock")).Text, "day 2 01:18") >= 0;
        });
        Chromium.Shot(browser, "training-night-cara-ward");

        // Cara's page draws the desaturation in bed 1's trend: the monitor's saturation below the 93 % at which the
        // scenario's finding fires, and the breathing rate on its own axis.
        var trend = (IReadOnlyCollection<object>)browser.ExecuteScript(
            "const c = Chart.getChart('breath-1'); return c.data.datasets.map(d => [d.label, d.yAxisID, d.data.length, Math.min(...d.data.map(p => p.y))].join('|'));")!;
        var byLabel = trend.Select(o => ((string)o).Split('|')).ToDictionary(f => f[0]);
        Assert.Equal("spo2", byLabel["SpO2 (%)"][1]);
        Assert.Equal("rr", byLabel["RR (/min)"][1]);
        Assert.True(int.Parse(byLabel["SpO2 (%)"][2], System.Globalization.CultureInfo.InvariantCulture) >= 30, $"SpO2 readings in the trend: {byLabel["SpO2 (%)"][2]}");
        Assert.True(double.Parse(byLabel["SpO2 (%)"][3], System.Globalization.CultureInfo.InvariantCulture) < 93, $"lowest SpO2 in the trend: {byLabel["SpO2 (%)"][3]}");

        browser.SwitchTo().Window(instructor);
        browser.FindElement(By.Id("pause")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text == "paused");

        // Cara met every line, with no penalty.
        var cara = await Debrief(silo, "cara");
        Assert.True((double)cara["score"]! == 100, string.Join("\n", Lines(cara).Select(l => l.ToJsonString())));
        wait.Until(d => d.FindElement(By.CssSelector("section[data-trainee='cara'] .score")).Text == "score 100 %");
        Chromium.Shot(browser, "training-night-instructor");
        foreach (var line in Lines(cara).Where(l => (double)l["weight"]! > 0))
        {
            Assert.True((int)line["met"]! >= 1 && (int)line["missed"]! == 0 && (int)line["pending"]! == 0, $"cara: {line.ToJsonString()}");
        }

        Assert.All(Lines(cara), l => Assert.Equal(0, (double)l["penalty"]!));

        // Ida did nothing: at most 40 %, and not one line met where an action was due.
        var ida = await Debrief(silo, "ida");
        Assert.True((double)ida["score"]! <= 40, $"ida scored {ida["score"]}");
        Assert.All(Lines(ida), l => Assert.Equal(0, (int)l["met"]!));
        Assert.True(Line(ida, "hallucinations")["missed"]!.GetValue<int>() == 1 && Line(ida, "bag")["missed"]!.GetValue<int>() == 1);

        // Rex met the hallucinations but not the desaturation, and the midazolam he tried into it costs 15.
        var rex = await Debrief(silo, "rex");
        Assert.Equal(1, (int)Line(rex, "hallucinations")["met"]!);
        Assert.Equal((1, 0, 15.0), ((int)Line(rex, "desaturation")["missed"]!, (int)Line(rex, "desaturation")["met"]!, (double)Line(rex, "desaturation")["penalty"]!));
        Assert.True((double)rex["score"]! < (double)cara["score"]! - 40, $"rex scored {rex["score"]}");

        // The debriefs say so, on the page.
        foreach (var t in new[] { "cara", "ida", "rex" })
        {
            browser.SwitchTo().Window(tab[t]);
            browser.Navigate().GoToUrl($"{silo.BaseUrl}/debrief.html?session={Session}&trainee={t}");
            wait.Until(d => d.FindElements(By.Id("score")).FirstOrDefault()?.Text.StartsWith("score", StringComparison.Ordinal) == true);
            Chromium.Shot(browser, $"training-night-debrief-{t}");
        }

        string rexPage = browser.FindElement(By.TagName("main")).Text;
        Assert.Contains("wrong: rex: midazolam 2 (give midazolam; the ward refused it: the last midazolam was", rexPage, StringComparison.Ordinal);
        Assert.Contains("(-15)", rexPage, StringComparison.Ordinal);
        Assert.Contains("needed: give oxygen or pause the infusion", rexPage, StringComparison.Ordinal);
        Assert.Matches(@"the page showed: pump 40 mg/h; HR \d+, SBP \d+, SpO2 9[0-3] %, RR \d+; sedation (mild|moderate)", rexPage);
        browser.SwitchTo().Window(tab["cara"]);
        Assert.Contains("met: event desaturation (condition); cara: oxygen 2 (give oxygen)", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
    }

    private static IWebElement Bed(ChromeDriver b, int n) => b.FindElement(By.CssSelector($"section.bed[data-bed='{n}']"));

    private static string Alarms(ChromeDriver b, int n) => Bed(b, n).FindElement(By.CssSelector(".alarms")).Text;

    private static void Type(IWebElement box, string text)
    {
        box.Clear();
        box.SendKeys(text);
    }

    /// <summary>A trainee's button on a bed (after typing into its box), and the page's answer.</summary>
    private static void Act(ChromeDriver b, OpenQA.Selenium.Support.UI.WebDriverWait wait, int bed, string button, string? box, string? value, string answer)
    {
        if (box is not null)
        {
            Type(Bed(b, bed).FindElement(By.CssSelector($"input[aria-label='bed {bed} {box}']")), value!);
        }

        b.ExecuteScript("document.getElementById('msg').textContent = ''");
        Bed(b, bed).FindElements(By.TagName("button")).First(x => x.Text == button).Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains(answer, StringComparison.Ordinal));
    }

    /// <summary>
    /// Acknowledges every alarm the page shows unacknowledged, as a nurse at the bedside would, each one's answer awaited
    /// so that it cannot overwrite the answer to the next action in the message line.
    /// </summary>
    private static void AcknowledgeAll(ChromeDriver b)
    {
        foreach (var ack in b.FindElements(By.CssSelector("section.bed .alarms button")))
        {
            try
            {
                b.ExecuteScript("document.getElementById('msg').textContent = ''");
                ack.Click();
                Chromium.Wait(b, 20).Until(d => d.FindElement(By.Id("msg")).Text.Contains("acknowledge-alarm", StringComparison.Ordinal));
            }
            catch (StaleElementReferenceException)
            {
                // the alarm list was drawn again; the next look finds it
            }
        }
    }

    /// <summary>Whether the scenario's finding has fired on the trainee's ward (the instructor's view of the record; the trainee's page does not tell it).</summary>
    private static bool Found(RunningSilo silo, string trainee, string eventId)
    {
        var view = JsonNode.Parse(silo.Http.GetStringAsync($"{silo.BaseUrl}/api/training/{Session}").GetAwaiter().GetResult())!;
        return view["trainees"]!.AsArray().Single(t => (string)t!["trainee"]! == trainee)!["latest"]!.AsArray()
            .Any(e => (string?)e!["eventId"] == eventId);
    }

    private static async Task<JsonNode> Debrief(RunningSilo silo, string trainee) =>
        JsonNode.Parse(await silo.Http.GetStringAsync($"{silo.BaseUrl}/api/training/{Session}/{trainee}/debrief.json"))!;

    private static IEnumerable<JsonNode> Lines(JsonNode debrief) => debrief["lines"]!.AsArray().Select(l => l!);

    private static JsonNode Line(JsonNode debrief, string id) => Lines(debrief).Single(l => (string)l["id"]! == id);
}
