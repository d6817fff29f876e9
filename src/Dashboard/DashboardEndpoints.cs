using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using WardTwin.Grains;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;

namespace WardTwin.Dashboard;

/// <summary>The dashboard's HTTP surface: pages, the JSON API, live updates (SSE) and /metrics.</summary>
public static class DashboardEndpoints
{
    public static void MapWardTwinDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (Exception ex) when (Status(ex) is int status)
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsJsonAsync(new { error = status == 503 && ex is not StorageUnavailableException ? Unreachable(ex) : ex.Message });
            }
        });

        app.MapGet("/", () => StaticPages.Serve("index.html"));
        app.MapGet("/{file}", (string file) => StaticPages.Serve(file));
        var api = app.MapGroup("/api");
        api.MapGet("/protocols", (DataCatalogProvider d) => d.Catalog.ProtocolIds());

        api.MapGet("/wards/{ward}", async (string ward, IGrainFactory g) => await Ward(g, ward).GetStatusAsync());
        api.MapGet("/wards/{ward}/occupancy", async (string ward, IGrainFactory g) => await Ward(g, ward).GetOccupancyAsync());
        api.MapGet("/wards/{ward}/events", Stream);
        api.MapPost("/wards/{ward}/start", async (string ward, HttpRequest r, IGrainFactory g, DataCatalogProvider d) =>
        {
            var b = await Requests.Body(r);
            string protocol = Requests.Text(b, "protocol", "erasmus-7d");
            if (!d.Catalog.ProtocolIds().Contains(protocol))
            {
                throw ApiException.Bad($"protocol: unknown protocol id '{protocol}'");
            }

            var config = new WardConfig(Requests.WholeNumber(b, "beds", 8, 1, 10_000), protocol, TimeScale(b), (long)Requests.Number(b, "seed", 1, 0, 1e15),
                Requests.Number(b, "arrivalsPerDay", 0, 0, 1000), MonitorHz: Requests.Number(b, "monitorHz", 1, 0.01, 100));
            return await Ward(g, ward).StartAsync(config);
        }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/stop", async (string ward, IGrainFactory g) => await Ward(g, ward).StopAsync()).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/pause", async (string ward, IGrainFactory g) => { await Ward(g, ward).PauseAsync(); return Results.Ok(); }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/resume", async (string ward, IGrainFactory g) => { await Ward(g, ward).ResumeAsync(); return Results.Ok(); }).Needs(Role.Instructor);
        api.MapPost("/wards/{ward}/time-scale", async (string ward, HttpRequest r, IGrainFactory g) =>
        {
            await Ward(g, ward).SetTimeScaleAsync(TimeScale(await Requests.Body(r)));
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
                vitals = await monitor.GetRecentAsync(180),
            };
        });
        api.MapGet("/patients/{ward}/{n:int}/history", async (string ward, int n, IGrainFactory g) => await g.GetGrain<IPatientGrain>(PatientId(ward, n)).GetHistoryAsync());
        api.MapPost("/patients/{ward}/{n:int}/rate", async (string ward, int n, HttpRequest r, IGrainFactory g) =>
        {
            var b = await Requests.Body(r);
            var reply = await Pump(g, ward, n).SetRateAsync(Requests.Number(b, "rateMgPerH", null, 0, 10_000), Requests.Flag(b, "confirm"));
            int status = reply.Outcome switch { "accepted" => 200, "needsconfirmation" => 409, _ => 422 };
            return Results.Json(reply, statusCode: status);
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/pump/{key}", async (string ward, int n, string key, IGrainFactory g) =>
        {
            var pump = Pump(g, ward, n);
            var reply = key switch
            {
                "start" => await pump.StartAsync(),
                "pause" => await pump.PauseAsync(),
                "resume" => await pump.ResumeAsync(),
                "stop" => await pump.StopAsync(),
                "bag" => await pump.ReplaceBagAsync(),
                _ => throw ApiException.Bad($"pump key: '{key}' is not one of start, pause, resume, stop, bag"),
            };
            return Results.Json(reply, statusCode: reply.Accepted ? 200 : 409);
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/vtbi", async (string ward, int n, HttpRequest r, IGrainFactory g) =>
        {
            var b = await Requests.Body(r);
            double? vtbi = b["vtbiMl"] is null ? null : Requests.Number(b, "vtbiMl", null, 0.1, 5000);
            var reply = await Pump(g, ward, n).SetVtbiAsync(vtbi);
            return Results.Json(reply, statusCode: reply.Accepted ? 200 : 422);
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/midazolam", async (string ward, int n, HttpRequest r, IGrainFactory g) =>
        {
            var b = await Requests.Body(r);
            await g.GetGrain<IPatientGrain>(PatientId(ward, n)).GiveMidazolamAsync(Requests.Number(b, "doseMg", 2, double.Epsilon, 1000));
            return Results.Ok();
        }).Needs(Role.Trainee);
        api.MapPost("/patients/{ward}/{n:int}/alarms/{kind}/ack", async (string ward, int n, string kind, IGrainFactory g) =>
            await g.GetGrain<IBedsideMonitorGrain>(PatientId(ward, n)).AcknowledgeAsync(Requests.Id(kind, "alarm")) ? Results.Ok() : Results.NotFound(new { error = $"no alarm '{kind}' on this monitor" }))
            .Needs(Role.Trainee);

        api.MapPost("/cohorts", async (HttpRequest r, PlannerService planner, DataCatalogProvider d, IOptions<DashboardOptions> o) =>
        {
            var b = await Requests.Body(r);
            var protocols = b["protocols"] as JsonArray ?? throw ApiException.Bad("protocols: must be a list of protocol ids");
            if (protocols.Count is < 1 or > 6)
            {
                throw ApiException.Bad("protocols: give 1 to 6 protocol ids");
            }

            var known = d.Catalog.ProtocolIds();
            var ids = protocols.Select((p, i) => p is JsonValue v && v.TryGetValue<string>(out var s) && known.Contains(s)
                ? s
                : throw ApiException.Bad($"protocols[{i}]: {p?.ToJsonString() ?? "null"} is not a protocol id; known: {string.Join(", ", known)}")).ToArray();
            string region = Requests.Text(b, "prices", "nl");
            if (region is not ("nl" or "us"))
            {
                throw ApiException.Bad($"prices: '{region}' is not one of nl, us");
            }

            var run = await planner.RunAsync(ids, Requests.WholeNumber(b, "patients", 1000, 1, o.Value.MaxPlannerPatients), (long)Requests.Number(b, "seed", 1, 0, 1e15), region);
            return new { runId = run.Id, comparison = run.Comparison, summaries = run.Summaries };
        }).Needs(Role.Instructor);
        api.MapGet("/cohorts/{run}/comparison.csv", (string run, CohortRunStore s) => Results.Text(CohortComparison.Csv(s.Get(run).Comparison), "text/csv"));
        api.MapGet("/cohorts/{run}/comparison.json", (string run, CohortRunStore s) => Results.Text(s.Get(run).Comparison.ToJsonString(), "application/json"));
        api.MapGet("/cohorts/{run}/{protocol}/summary.json", (string run, string protocol, CohortRunStore s) =>
            s.Get(run).Summaries.TryGetValue(protocol, out var summary) ? Results.Text(CohortSummary.ToJson(summary), "application/json") : Results.NotFound());
        api.MapGet("/cohorts/{run}/{protocol}/patients.csv", (string run, string protocol, CohortRunStore s) =>
            s.Get(run).Results.FirstOrDefault(x => x.Protocol.Id == protocol) is { } result ? Results.Text(PatientsCsv.Build(result), "text/csv") : Results.NotFound());
    }

    private static RouteHandlerBuilder Needs(this RouteHandlerBuilder builder, Role role) => builder.AddEndpointFilter(async (context, next) =>
    {
        if (CrossSite(context.HttpContext.Request) is { } crossSite)
        {
            return Results.Json(new { error = crossSite }, statusCode: 403);
        }

        var policy = context.HttpContext.RequestServices.GetRequiredService<AccessPolicy>();
        string? refusal = policy.Refusal(context.HttpContext, role);
        return refusal is null ? await next(context)
            : Results.Json(new { error = refusal }, statusCode: refusal.StartsWith("a valid", StringComparison.Ordinal) ? 401 : 403);
    });

    /// <summary>Server-sent events from the ward's shared feed: one message serialized per interval for every browser.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ServerSentEventsResult<string> Stream(string ward, WardFeeds feeds, CancellationToken cancel) =>
        TypedResults.ServerSentEvents(feeds.For(Requests.Id(ward, "ward")).Listen(cancel));

    /// <summary>
    /// A state-changing call must be JSON (which a page on another site cannot send without the browser asking
    /// first) and, when the browser says where it comes from, come from this dashboard's own origin.
    /// </summary>
    private static string? CrossSite(HttpRequest r)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(r.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"a state-changing call must be sent as application/json, not '{r.ContentType ?? "(none)"}'";
        }

        string self = $"{r.Scheme}://{r.Host}";
        if (r.Headers.Origin is { Count: > 0 } origin && !string.Equals(origin.ToString(), self, StringComparison.OrdinalIgnoreCase))
        {
            return $"cross-site request refused: origin {origin} is not this dashboard ({self})";
        }

        if (r.Headers["Sec-Fetch-Site"] is { Count: > 0 } site && site.ToString() is not ("same-origin" or "none"))
        {
            return $"cross-site request refused (Sec-Fetch-Site: {site})";
        }

        return null;
    }

    private static IWardGrain Ward(IGrainFactory g, string ward) => g.GetGrain<IWardGrain>(Requests.Id(ward, "ward"));

    private static IInfusionPumpGrain Pump(IGrainFactory g, string ward, int n) => g.GetGrain<IInfusionPumpGrain>(PatientId(ward, n));

    private static string PatientId(string ward, int n) => n >= 0 ? $"{Requests.Id(ward, "ward")}/{n}" : throw ApiException.Bad($"patient: {n} is not a patient number");

    private static double TimeScale(JsonObject body)
    {
        var node = body["timeScale"];
        if (node is JsonValue v && v.TryGetValue<string>(out var s) && s == "max")
        {
            return double.PositiveInfinity;
        }

        return Requests.Number(body, "timeScale", 1, 1e-6, 1e9);
    }

    /// <summary>A grain that cannot be reached now (its silo was lost and Orleans is moving it): one line, not Orleans's stack text.</summary>
    private static string Unreachable(Exception ex) => $"not reachable now, try again in a few seconds (a silo may have been lost and the ward is moving): {Errors.OneLine(ex)}";

    private static int? Status(Exception ex) => ex switch
    {
        ApiException a => a.Status,
        DataFileException => 400,
        ArgumentException => 400,
        KeyNotFoundException => 404,
        StorageUnavailableException => 503,
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => 503,
        InvalidOperationException => 409,
        BadHttpRequestException b => b.StatusCode,
        _ => null,
    };
}
