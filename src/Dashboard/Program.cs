using WardTwin.Cluster;
using WardTwin.Dashboard;
using WardTwin.ServiceDefaults;

// The dashboard on its own, as an Orleans client of a running cluster: the localhost silo of `run` by default,
// or a PostgreSQL cluster (Dashboard:Cluster=postgres, the connection string in WARDTWIN_DB or Dashboard:Db).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddWardTwinDefaults();
int gateway = builder.Configuration.GetValue("Dashboard:GatewayPort", 30000);
ClusterSettings cluster;
try
{
    cluster = ClusterSettings.Resolve(builder.Configuration["Dashboard:Cluster"], builder.Configuration["Dashboard:Db"], builder.Configuration["Dashboard:ClusterId"]);
    if (cluster.Mode == ClusterMode.Postgres)
    {
        await DatabaseCheck.EnsureReadyAsync(cluster);
    }
}
catch (Exception ex) when (ex is ArgumentException or DatabaseUnavailableException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

builder.UseOrleansClient(client => ClusterClient.Configure(client, cluster, gateway, TimeSpan.FromSeconds(30)));
builder.Services.AddWardTwinDashboard(builder.Configuration);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var app = builder.Build();
app.UseWardTwinDashboard();
await app.StartAsync();
try
{
    app.CheckAccess();
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    await app.StopAsync();
    return 2;
}

await app.WaitForShutdownAsync();
return 0;
