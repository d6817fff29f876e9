using System.CommandLine;
using WardTwin.Cluster;

namespace WardTwin.Silo.Cli;

/// <summary>`db init`: creates Orleans's PostgreSQL schema from its own scripts, once; a second run changes nothing.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var db = new Command("db", "The PostgreSQL database of cluster mode");
        var connection = new Option<string?>("--db")
        {
            Description = $"PostgreSQL connection string (default: ${ClusterSettings.DatabaseVariable})",
        };
        var scripts = new Option<string?>("--scripts")
        {
            Description = $"Folder of Orleans's PostgreSQL scripts (default: the vendored copy, {SchemaInstaller.ScriptsFolder} beside the repository)",
        };
        var init = new Command("init", "Create the Orleans schema (membership, grain storage, reminders) if it is not there yet") { connection, scripts };
        init.SetAction(r => CommonOptions.GuardAsync(async () =>
        {
            var settings = ClusterSettings.Resolve("postgres", r.GetValue(connection), null);
            string folder = SchemaInstaller.LocateScripts(r.GetValue(scripts));
            var created = await SchemaInstaller.InstallAsync(settings, folder);
            Console.WriteLine(created.Count == 0
                ? $"the Orleans schema is already complete in {settings.Where}: nothing changed"
                : $"created the Orleans schema in {settings.Where} from {folder}: ran {string.Join(", ", created)}");
            return 0;
        }).GetAwaiter().GetResult());
        db.Subcommands.Add(init);
        return db;
    }
}
