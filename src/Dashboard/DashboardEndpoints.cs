using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WardTwin.Dashboard.Api;
using WardTwin.Grains;
using WardTwin.Model.Outcomes;

namespace WardTwin.Dashboard;

/// <summary>The dashboard's HTTP surface: pages, the JSON API, live updates (SSE) and /metrics.</summary>
public static class DashboardEndpoints
{
    public static void MapWardTwinDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => StaticPages.Serve("index.html"));
        app.MapGet("/{file}", (string file) => StaticPages.Serve(file));
        app.MapGet("/lib/{file}", (string file) => StaticPages.Serve("lib/" + file));
        var api = app.MapGroup("/api").WithMetadata(new RequestSizeLimitAttribute(ApiLimits.MaxBodyBytes));
        api.MapGet("/protocols", (DataCatalogProvider d) => d.Catalog.ProtocolIds());
        TrainingEndpoints.Map(api);
        api.MapGet("/populations", (DataCatalogProvider d) => d.Catalog.CohortIds());

        api.MapGet("/wards/{ward}", async (string ward, IGrainFactory g) => await Ward(g, ward).GetStatusAsync());
        api.MapGet("/wards/{ward}/occupancy", async (string ward, IGrainFactory g) => await Ward(g, ward).GetOccupancyAsync());
        api.MapGet("/wards/{ward}/events", Stream);
        api.MapPost("/wards/{ward}/start", async (string ward, StartWardRequest b, IGrainFactory g, DataCatalogProvider d) =>
        {
            if (!d.Catalog.ProtocolIds().Contains(b.Protocol))
            {
                throw ApiException.Bad("protocol", $"unknown protocol id '{b.Protocol}'; known: {string.Join(", ", d.Catalog.ProtocolIds())}");
            }

            return await Ward(g, ward).StartAsync(new WardConfig(b.Beds, b.Protocol, b.TimeScale.Factor, b.Seed, b.ArrivalsPerDay, MonitorHz: b.MonitorHz));
        }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/stop", async (string ward, IGrainFactory g) => await Ward(g, ward).StopAsync()).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/pause", async (string ward, IGrainFactory g) => { await Ward(g, ward).PauseAsync(); return Results.Ok(); }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/resume", async (string ward, IGrainFactory g) => { await Ward(g, ward).ResumeAsync(); return Results.Ok(); }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/time-scale", async (string ward, TimeScaleRequest b, IGrainFactory g) =>
        {
            await Ward(g, ward).SetTimeScaleAsync(b.TimeScale.Factor);
            return Results.Ok();
        }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/beds/{bed:int}/admit", async (string ward, int bed, IGrainFactory g) => new { admission = await Ward(g, ward).AdmitAsync(bed) }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/beds/{bed:int}/discharge", async (string ward, int bed, IGrainFactory g) => { await Ward(g, ward).DischargeAsync(bed); return Results.Ok(); }).Needs(Role.Trainee);

        api.MapGet("/patients/{ward}/{n:int}", async (string ward, int n, IGrainFactory g) =>
        {
            string id = PatientId(ward, n);
            var monitor = g.GetGrain<IBedsideMonitorGrain>(id);
            return new
            {
                patient = await g.GetGrain<IPatientGrain>(id).GetSnapshotAsync(),
                pump = await g.GetGrain<IInfusionPumpGrain>(id).GetViewAsync(),
                alarms = await monitor.GetAlarmsAsync(),
                vitals = await monitor.GetRecentAsync(MonitorLimits.RecentReadings),
            };
        });
        api.MapGet("/patients/{ward}/{n:int}/history", async (string ward, int n, IGrainFactory g) => await g.GetGrain<IPatientGrain>(PatientId(ward, n)).GetHistoryAsync());
        api.MapPost("/patients/{ward}/{n:int}/rate", async (string ward, int n, RateRequest b, IGrainFactory g) =>
        {
            var reply = await Pump(g, ward, n).SetRateAsync(b.RateMgPerH, b.Confirm, b.Revision);
            int status = reply.Outcome switch { "accepted" => 200, "needsconfirmation" => 409, _ => 422 };
            return Results.Json(reply, statusCode: status);
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/pump/{key}", async (string ward, int n, string key, IGrainFactory g) =>
        {
            var pump = Pump(g, ward, n);
            var reply = PumpKeys.Parse(key) switch
            {
                PumpKey.Start => await pump.StartAsync(),
                PumpKey.Pause => await pump.PauseAsync(),
                PumpKey.Resume => await pump.ResumeAsync(),
                PumpKey.Stop => await pump.StopAsync(),
                PumpKey.Bag => await pump.ReplaceBagAsync(),
                _ => throw new UnreachableException(),
            };
            return Results.Json(reply, statusCode: reply.Accepted ? 200 : 409);
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/vtbi", async (string ward, int n, VtbiRequest b, IGrainFactory g) =>
        {
            var reply = await Pump(g, ward, n).SetVtbiAsync(b.VtbiMl);
            return Results.Json(reply, statusCode: reply.Accepted ? 200 : 422);
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/midazolam", async (string ward, int n, MidazolamRequest b, IGrainFactory g) =>
        {
            await g.GetGrain<IPatientGrain>(PatientId(ward, n)).GiveMidazolamAsync(b.DoseMg);
            return Results.Ok();
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/alarms/{kind}/ack", async (string ward, int n, string kind, IGrainFactory g) =>
            await g.GetGrain<IBedsideMonitorGrain>(PatientId(ward, n)).AcknowledgeAsync(ApiLimits.Id(kind, "alarm"))
                ? Results.Ok()
                : TypedResults.Problem($"no alarm '{kind}' on this monitor", statusCode: 404))
            .Needs(Role.Trainee);

        api.MapPost("/cohorts", async (CohortsRequest b, PlannerService planner, DataCatalogProvider d, IOptions<DashboardOptions> o, UploadedProtocols uploads, CancellationToken cancel) =>
        {
            var run = await planner.RunAsync(PlannerRequests.ToRequest(b, d.Catalog, o.Value, uploads), cancel);
            var r = run.Result;
            return new { runId = run.Id, comparison = CohortComparison.Json(r.Comparison), summaries = r.Summaries, document = r.Document, psaDraws = r.PsaDraws };
        }).Needs(Role.Instructor);
        api.MapGet("/cohorts/{run}/report.html", (string run, CohortRunStore s) => Results.Content(ReportBuilder.Html(CohortReportData(s.Get(run))), "text/html; charset=utf-8"));
        api.MapGet("/cohorts/{run}/report.pdf", async (string run, CohortRunStore s, IOptions<DashboardOptions> o) =>
            Results.File(await Pdf(o.Value, ReportBuilder.Html(CohortReportData(s.Get(run)))), "application/pdf", $"report-{run}.pdf"));
        api.MapGet("/capacity/{run}/report.pdf", async (string run, CapacityService c, IOptions<DashboardOptions> o) =>
            Results.File(await Pdf(o.Value, ReportBuilder.Html(CapacityReportData(run, c))), "application/pdf", $"capacity-{run}.pdf"));
        api.MapPost("/capacity", async (CapacityRequest b, CapacityService capacity, CancellationToken cancel) =>
        {
            var (id, document) = await capacity.RunAsync(b, cancel);
            return new { runId = id, capacity = document };
        }).Needs(Role.Instructor);
        api.MapGet("/capacity/{run}/capacity.csv", (string run, CapacityService c) => Results.Text(c.Csv(run), "text/csv"));
        foreach (string file in new[] { "psa.csv", "psa_wide.csv" })
        {
            api.MapGet($"/cohorts/{{run}}/{file}", (string run, CohortRunStore s) => s.File(run, file) is { } path ? Results.File(path, "text/csv") : Results.NotFound());
        }
        api.MapGet("/capacity/{run}/capacity.json", (string run, CapacityService c) => Results.Text(c.Get(run).ToJsonString(), "application/json"));
        api.MapGet("/capacity/{run}/report.html", (string run, CapacityService c) => Results.Content(ReportBuilder.Html(CapacityReportData(run, c)), "text/html; charset=utf-8"));
        api.MapGet("/cohorts/{run}/comparison.csv", (string run, CohortRunStore s) => Results.Text(CohortComparison.Csv(s.Get(run).Result.Comparison), "text/csv"));
        api.MapGet("/cohorts/{run}/comparison.json", (string run, CohortRunStore s) => s.File(run, "comparison.json") is { } path ? Results.File(path, "application/json") : Results.NotFound());
        api.MapGet("/cohorts/{run}/{protocol}/summary.json", (string run, string protocol, CohortRunStore s) =>
            s.File(run, protocol, "summary.json") is { } path ? Results.File(path, "application/json") : Results.NotFound());
        api.MapGet("/cohorts/{run}/{protocol}/patients.csv", (string run, string protocol, CohortRunStore s) =>
            s.File(run, protocol, "patients.csv") is { } path ? Results.File(path, "text/csv") : Results.NotFound());
    }

    private static System.Text.Json.Nodes.JsonObject CohortReportData(CohortRun run)
    {
        var r = run.Result;
        var summaries = new System.Text.Json.Nodes.JsonObject();
        foreach (var (id, summary) in r.Summaries)
        {
            summaries[id] = summary.DeepClone();
        }

        return new System.Text.Json.Nodes.JsonObject
        {
            ["title"] = $"WardTwin planner report: run {run.Id}", ["comparison"] = r.Document.DeepClone(), ["summaries"] = summaries, ["psaDraws"] = r.PsaDraws?.DeepClone(),
        };
    }

    private static System.Text.Json.Nodes.JsonObject CapacityReportData(string run, CapacityService c) =>
        new() { ["title"] = $"WardTwin capacity report: run {run}", ["capacity"] = c.Get(run).DeepClone() };

    /// <summary>A report's PDF from the dashboard's Chromium; without one, a 503 that says so (the HTML prints from the browser too).</summary>
    private static async Task<byte[]> Pdf(DashboardOptions o, string html)
    {
        try
        {
            return await ReportPrinter.PdfAsync(o.Chromium, html);
        }
        catch (FileNotFoundException ex)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, $"report.pdf needs Chromium on the dashboard's machine (Dashboard:Chromium): {ex.Message}");
        }
    }

    private static RouteHandlerBuilder Needs(this RouteHandlerBuilder builder, Role role) => builder.WithMetadata(new RequiredRole(role));

    /// <summary>Server-sent events from the ward's shared feed: one message serialized per interval for every browser.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ServerSentEventsResult<string> Stream(string ward, WardFeeds feeds, CancellationToken cancel) =>
        TypedResults.ServerSentEvents(feeds.For(ApiLimits.Id(ward, "ward")).Listen(cancel));

    private static IWardGrain Ward(IGrainFactory g, string ward) => g.GetGrain<IWardGrain>(ApiLimits.Id(ward, "ward"));

    private static IInfusionPumpGrain Pump(IGrainFactory g, string ward, int n) => g.GetGrain<IInfusionPumpGrain>(PatientId(ward, n));

    private static string PatientId(string ward, int n) => n >= 0 ? new AdmissionKey(ApiLimits.Id(ward, "ward"), n).ToString() : throw ApiException.Bad("n", $"{n} is not a patient number");
}
