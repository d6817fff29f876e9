using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WardTwin.Cluster;
using WardTwin.Dashboard;
using WardTwin.Grains;
using WardTwin.Silo.Hosting;
using WardTwin.Hosting;

namespace WardTwin.Silo.Cli;

/// <summary>`run`: a silo with one live ward, and a one-line status that updates as the ward's clock moves.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var beds = new Option<int>("--beds") { Description = "Beds on the ward", DefaultValueFactory = _ => 10 };
        var protocol = new Option<string>("--protocol") { Description = "Protocol id from data/protocols/", DefaultValueFactory = _ => "erasmus-7d" };
        var timeScale = new Option<string>("--time-scale") { Description = "1 = real time, k = k× accelerated, max = as fast as possible", DefaultValueFactory = _ => "1" };
        var seed = CommonOptions.Seed();
        var arrivals = new Option<double>("--arrivals-per-day") { Description = "Poisson arrivals a day (0: fill every bed at the start)", DefaultValueFactory = _ => 0 };
        var monitorHz = new Option<double>("--monitor-hz") { Description = "Bedside monitor sample rate in real time", DefaultValueFactory = _ => 1 };
        var seconds = new Option<double?>("--for") { Description = "Stop after this many real seconds (default: until Ctrl+C)" };
        var siloPort = new Option<int>("--silo-port") { Description = "Silo port on localhost", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Gateway port on localhost (Orleans clients join here)", DefaultValueFactory = _ => 30000 };
        var dashboard = new Option<string[]>("--dashboard-url")
        {
            Description = "Where the dashboard listens (default http://127.0.0.1:5080); beyond loopback it needs Dashboard:TraineeToken and Dashboard:InstructorToken (e.g. WARDTWIN_Dashboard__TraineeToken)",
            DefaultValueFactory = _ => ["http://127.0.0.1:5080"],
        };
        var wardId = new Option<string>("--ward") { Description = "The ward's id; a ward already running in the cluster is joined, not restarted", DefaultValueFactory = _ => "ward-1" };
        var scenario = new Option<string?>("--scenario") { Description = "Start a training scenario (id from data/scenarios/ or a file) instead of a plain ward: each trainee gets a ward from it; the instructor console is /instructor.html" };
        var trainees = new Option<string>("--trainees") { Description = "With --scenario: the trainees, comma-separated", DefaultValueFactory = _ => "trainee" };
        var session = new Option<string>("--session") { Description = "With --scenario: the training session's id", DefaultValueFactory = _ => "training-1" };
        var startPaused = new Option<bool>("--start-paused") { Description = "With --scenario: every trainee's clock waits until the instructor resumes it (the console's Start clock button), so nothing happens before the pages are open" };
        var advertise = ClusterOptions.AdvertiseIp();
        var data = CommonOptions.Data();
        var cluster = new ClusterOptions();
        var deviceData = new DeviceDataCliOptions();
        var command = new Command("run", "Start a silo with one live ward and the dashboard, and print the ward's status line")
        {
            beds, protocol, timeScale, seed, arrivals, monitorHz, seconds, siloPort, gatewayPort, dashboard, wardId, scenario, trainees, session, startPaused, advertise, data,
        };
        cluster.AddTo(command);
        deviceData.AddTo(command);
        command.SetAction((r, cancel) => CommonOptions.GuardAsync(async () =>
        {
            double scale = TimeScaleParser.Parse(r.GetValue(timeScale)!);
            var catalog = Model.Data.DataCatalog.Locate(r.GetValue(data));
            _ = catalog.LoadProtocol(r.GetValue(protocol)!);
            string? scenarioId = r.GetValue(scenario) is { } sc && File.Exists(sc) ? Path.GetFullPath(sc) : r.GetValue(scenario);
            var training = scenarioId is null ? null : catalog.LoadScenario(scenarioId); // a bad file fails here, naming the field
            if (training is null && r.GetValue(startPaused))
            {
                throw new ArgumentException("--start-paused: only with --scenario (a plain ward starts at once; pause it from the dashboard)");
            }

            string[] names = [.. r.GetValue(trainees)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var settings = cluster.Read(r);
            var placement = new SiloPlacement(r.GetValue(siloPort), r.GetValue(gatewayPort), ClusterOptions.ParseAddress(r.GetValue(advertise)!));
            string id = training is null ? r.GetValue(wardId)! : new TraineeWardKey(r.GetValue(session)!, names.FirstOrDefault() ?? string.Empty).ToString();
            var devices = deviceData.Read(r, id);
            PortPreflight.CheckFree(r.GetValue(dashboard)!, placement);
            await ClusterOptions.PreflightAsync(settings);
            await using var host = SiloHostFactory.BuildWithDashboard(settings, placement, catalog.Root, r.GetValue(dashboard)!, Microsoft.Extensions.Logging.LogLevel.Error, devices);
            await host.StartAsync(cancel);
            try
            {
                host.CheckAccess();
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                await host.StopAsync(CancellationToken.None);
                return 2;
            }

            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var ward = grains.GetGrain<IWardGrain>(id);
            var config = new WardConfig(r.GetValue(beds), r.GetValue(protocol)!, scale, r.GetValue(seed), r.GetValue(arrivals), MonitorHz: r.GetValue(monitorHz));
            Console.WriteLine(settings.Mode == ClusterMode.Embedded
                ? $"embedded mode: this silo is a cluster of its own (state in memory; other `run` processes form clusters of their own). Use --cluster postgres --db ... to join several silos."
                : $"cluster '{settings.ClusterId}' on PostgreSQL at {settings.Where}: silo {placement.AdvertisedAddress}:{placement.SiloPort}, gateway :{placement.GatewayPort}");
            if (training is not null)
            {
                bool paused = r.GetValue(startPaused);
                var started = await grains.GetGrain<ITrainingSessionGrain>(r.GetValue(session)!).StartAsync(scenarioId!, names, paused);
                string url = r.GetValue(dashboard)![0].TrimEnd('/');
                Console.WriteLine($"training {started.SessionId}: {started.Title}, for {string.Join(", ", names)}.");
                if (paused)
                {
                    Console.WriteLine("the clock is paused: it starts when the instructor presses Start clock (Resume) on the console.");
                }
                Console.WriteLine($"instructor: {url}/instructor.html?session={started.SessionId}");
                foreach (var t in started.Trainees)
                {
                    Console.WriteLine($"{t.Trainee}: {url}/trainee.html?session={started.SessionId}&trainee={t.Trainee}  (debrief: {url}/debrief.html?session={started.SessionId}&trainee={t.Trainee})");
                }
            }
            else if (await Existing(ward) is { Stopped: false } running)
            {
                Console.WriteLine($"{id} is already running in the cluster (on {running.Host}, t = {running.SimTimeH:0.00} h): this silo joins it; the options of the ward are its own.");
            }
            else
            {
                await ward.StartAsync(config);
                Console.WriteLine($"{id}: {config.Beds} beds, {config.ProtocolId}, time scale {(double.IsPositiveInfinity(scale) ? "max" : scale.ToString(CultureInfo.InvariantCulture))}.");
            }

            Console.WriteLine($"silo on port {placement.SiloPort}, gateway :{placement.GatewayPort}, dashboard {string.Join(", ", r.GetValue(dashboard)!)}. " + (settings.Mode == ClusterMode.Embedded
                ? "Ctrl+C stops the silo and its ward."
                : "Ctrl+C stops this silo; the ward goes on on another silo of the cluster, or when a silo starts again."));
            var until = r.GetValue(seconds) is { } s ? DateTime.UtcNow.AddSeconds(s) : DateTime.MaxValue;
            bool terminal = !Console.IsOutputRedirected;
            while (!cancel.IsCancellationRequested && DateTime.UtcNow < until)
            {
                try
                {
                    await Task.Delay(1000, cancel);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                string line;
                try
                {
                    line = StatusLine(await ward.GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(10), cancel));
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // During a fail-over the ward is briefly unreachable; say so and keep watching.
                    line = $"{id}: not reachable now ({Errors.OneLine(ex)})";
                }

                Console.Write(terminal ? $"\r{line,-110}" : line + "\n");
            }

            Console.WriteLine();
            await host.StopAsync(CancellationToken.None);
            return 0;
        }));
        return command;
    }

    private static async Task<WardStatus?> Existing(IWardGrain ward)
    {
        try
        {
            return await ward.GetStatusAsync();
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    public static string StatusLine(WardStatus s)
    {
        var rates = s.BedList.Where(b => b.PumpRateMgPerH is not null).Select(b => b.PumpRateMgPerH!.Value).ToArray();
        var nrs = s.BedList.Where(b => b.LastNrs is not null).Select(b => (double)b.LastNrs!.Value).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"t={s.SimTimeH,8:0.00} h (day {Math.Floor(s.SimTimeH / 24) + 1,3}){(s.Stopped ? " STOPPED" : s.Running ? string.Empty : " PAUSED")} | beds {s.Occupied}/{s.Beds} | waiting {s.Waiting} | admitted {s.Admitted} discharged {s.Discharged} | mean rate {(rates.Length == 0 ? 0 : rates.Average()),5:0.0} mg/h | mean NRS {(nrs.Length == 0 ? "–" : nrs.Average().ToString("0.0", CultureInfo.InvariantCulture)),4} | tick {s.LagMs,5:0} ms");
    }
}
