namespace WardTwin.EndToEnd.Tests;

/// <summary>One real-time one-bed ward shared by a class's tests (in real time nothing changes for hours by itself).</summary>
public sealed class RealTimeWardFixture : IAsyncLifetime
{
    private RunningSilo? _silo;

    public RunningSilo Silo => _silo ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync() => _silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
