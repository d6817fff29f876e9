using WardTwin.Dashboard;

// The dashboard on its own, as an Orleans client of a running cluster (default: the localhost silo of `run`).
var builder = WebApplication.CreateBuilder(args);
int gateway = builder.Configuration.GetValue("Dashboard:GatewayPort", 30000);
builder.UseOrleansClient(client => client.UseLocalhostClustering(gateway));
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
