using System.CommandLine;
using WardTwin.Cluster;
using WardTwin.Model.Data;

namespace WardTwin.Silo.Cli;

/// <summary>Options shared by several verbs, and the one way every verb reports a bad input.</summary>
internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = $"The data folder (protocols/, cohorts/, prices/, params/); default: the repository's data/ or ${DataCatalog.EnvironmentVariable}",
    };

    public static Option<string?> Params() => new("--params")
    {
        Description = "Model parameter file; default: data/params/default.json (the calibrated set)",
    };

    public static Option<long> Seed() => new("--seed")
    {
        Description = "Random seed; the same seed gives the same patients and a byte-identical summary",
        DefaultValueFactory = _ => 1,
    };

    public static Option<int> Patients(int defaultValue, bool required)
    {
        var option = new Option<int>("--patients")
        {
            Description = "Number of virtual patients (admissions) per protocol",
            Required = required,
            DefaultValueFactory = _ => defaultValue,
        };
        return option; // checked with every other number in CliErrors
    }

    /// <summary>The address a start failed to bind, when that is why it failed.</summary>
    private static string? InUse(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } || e.GetType().Name == "AddressInUseException")
            {
                var m = System.Text.RegularExpressions.Regex.Match(ex.ToString(), @"bind to (?:address )?(\S+?):? address already in use", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                return m.Success ? m.Groups[1].Value : "an address it needs";
            }
        }

        return null;
    }

    /// <summary>Runs an async verb body; a bad data file or argument becomes one line on stderr and exit code 2.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (InUse(ex) is { } what)
        {
            Console.Error.WriteLine($"error: {what} is already in use (another WardTwin or program listens there): choose another with --dashboard-url, --silo-port or --gateway-port");
            return 2;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            Console.Error.WriteLine($"error: {string.Join("; ", ex.Failures)}");
            return 2;
        }
        catch (DataFileException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (DatabaseUnavailableException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (OrleansException ex) when (ex.InnerException is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"error: the silo could not reach its cluster: {ex.InnerException.Message}");
            return 2;
        }
    }

    /// <summary>Runs a verb body; a bad data file or argument becomes one line on stderr and exit code 2.</summary>
    public static int Guard(Func<int> body) => GuardAsync(() => Task.FromResult(body())).GetAwaiter().GetResult();
}
