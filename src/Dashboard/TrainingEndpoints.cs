using WardTwin.Dashboard.Api;
using WardTwin.Grains;
using WardTwin.Model.Data;

namespace WardTwin.Dashboard;

/// <summary>The training API: scenarios, sessions (start, watch, inject, clock), trainee actions, debriefs.</summary>
public static class TrainingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/scenarios", (DataCatalogProvider d) => d.Catalog.ScenarioIds().Select(id =>
        {
            var s = d.Catalog.LoadScenario(id);
            return new { id = s.Id, title = s.Title, description = s.Description, protocol = s.Ward.Protocol, beds = s.Ward.Beds, events = s.EventsOrEmpty.Select(e => e.Id),
                handover = s.Patients.Where(p => p.Handover is not null).Select(p => new { bed = p.Bed, text = p.Handover }),
                clock = d.Catalog.LoadProtocol(s.Ward.Protocol).StartOrDefault.Clock };
        }));
        api.MapPost("/training/{session}/start", async (string session, TrainingStartRequest b, IGrainFactory g) =>
            await Session(g, session).StartAsync(b.Scenario, b.Trainees, b.StartPaused)).Needs(Role.Instructor);
        api.MapGet("/training/{session}", async (string session, IGrainFactory g) => await Session(g, session).GetViewAsync());

        // The instructor console's one stream for all its trainees' wards (?trainee=a&trainee=b); like a ward's feed it needs no role (an event stream sends no token).
        api.MapGet("/training/{session}/events", (string session, string[] trainee, WardFeeds feeds, CancellationToken cancel) =>
            trainee.Length is > 0 and <= 8
                ? TypedResults.ServerSentEvents(MergedFeed.Merge(
                    [.. trainee.Select(t => feeds.For(ApiLimits.Id(new TraineeWardKey(ApiLimits.Id(session, "session"), ApiLimits.Id(t, "trainee")).ToString(), "ward")).Listen(cancel))], cancel))
                : throw ApiException.Bad("trainee", "name 1 to 8 trainees of the session"));
        api.MapPost("/training/{session}/act", async (string session, TrainingActRequest b, IGrainFactory g) =>
        {
            var reply = await Session(g, session).ActAsync(b.Trainee, b.Bed, new TraineeCommand(b.Action, b.Value, b.Confirm, b.Target, b.Revision));
            int status = reply.Outcome switch { "accepted" => 200, "needsconfirmation" => 409, _ => 422 };
            return Results.Json(reply, statusCode: status);
        }).Needs(Role.Trainee);
        api.MapPost("/training/{session}/inject", async (string session, TrainingInjectRequest b, IGrainFactory g) =>
        {
            var custom = b.Kind is { } kind ? new InjectionInput(kind, b.SideEffect, b.Grade, b.DurationH, b.HrChangePerMin, b.SbpChangeMmHg, b.Spo2ChangePercent, b.RrChangePerMin) : null;
            await Session(g, session).InjectAsync(b.Trainee, b.Event, custom, b.Bed);
            return Results.Ok();
        }).Needs(Role.Instructor);
        api.MapPost("/training/{session}/annotate", async (string session, TrainingAnnotateRequest b, IGrainFactory g) =>
        {
            await Session(g, session).AnnotateAsync(b.Trainee, b.Bed, b.Text);
            return Results.Ok();
        }).Needs(Role.Instructor);
        api.MapPost("/training/{session}/pause", async (string session, IGrainFactory g) => { await Session(g, session).PauseAsync(); return Results.Ok(); }).Needs(Role.Instructor);
        api.MapPost("/training/{session}/resume", async (string session, IGrainFactory g) => { await Session(g, session).ResumeAsync(); return Results.Ok(); }).Needs(Role.Instructor);
        api.MapPost("/training/{session}/time-scale", async (string session, TimeScaleRequest b, IGrainFactory g) =>
        {
            await Session(g, session).SetTimeScaleAsync(b.TimeScale.Factor);
            return Results.Ok();
        }).Needs(Role.Instructor);
        api.MapPost("/training/{session}/next-review", async (string session, IGrainFactory g) =>
            new { wardTimeH = await Session(g, session).JumpToNextReviewAsync() }).Needs(Role.Instructor);
        api.MapGet("/training/{session}/{trainee}/beds", async (string session, string trainee, IGrainFactory g) =>
        {
            var status = await g.GetGrain<IWardGrain>(WardId(session, trainee)).GetStatusAsync();
            var beds = new List<object>();
            foreach (var b in status.BedList)
            {
                beds.Add(new { bed = b.Bed + 1, admission = b.AdmissionId, state = b.AdmissionId is { } id ? await g.GetGrain<IPatientGrain>(id).GetStateNowAsync() : null });
            }

            return new { ward = status, beds };
        });
        api.MapGet("/training/{session}/{trainee}/beds/{bed:int}/log", async (string session, string trainee, int bed, IGrainFactory g) =>
            await Session(g, session).GetBedLogAsync(ApiLimits.Id(trainee, "trainee"), bed));
        api.MapGet("/training/{session}/{trainee}/debrief.json", async (string session, string trainee, IGrainFactory g) =>
            await Session(g, session).GetDebriefAsync(ApiLimits.Id(trainee, "trainee")));
        api.MapGet("/training/{session}/{trainee}/debrief.html", async (string session, string trainee, IGrainFactory g, DataCatalogProvider d) =>
        {
            var debrief = await Session(g, session).GetDebriefAsync(ApiLimits.Id(trainee, "trainee"));
            string clock = d.Catalog.LoadProtocol(d.Catalog.LoadScenario(debrief.ScenarioId).Ward.Protocol).StartOrDefault.Clock;
            return Results.Content(DebriefExport.Html(debrief, clock), "text/html; charset=utf-8");
        });
    }

    private static RouteHandlerBuilder Needs(this RouteHandlerBuilder builder, Role role) => builder.WithMetadata(new RequiredRole(role));

    private static ITrainingSessionGrain Session(IGrainFactory g, string session) => g.GetGrain<ITrainingSessionGrain>(ApiLimits.Id(session, "session"));

    private static string WardId(string session, string trainee) => new TraineeWardKey(ApiLimits.Id(session, "session"), ApiLimits.Id(trainee, "trainee")).ToString();
}
