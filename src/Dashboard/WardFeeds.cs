using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WardTwin.Dashboard;

/// <summary>The ward feeds of this dashboard process, one per ward watched, shared by all its browsers.</summary>
public sealed class WardFeeds(IGrainFactory grains, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<DashboardOptions> options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, WardFeed> _feeds = new(StringComparer.Ordinal);

    public WardFeed For(string ward) =>
        _feeds.GetOrAdd(ward, w => new WardFeed(w, grains, json.Value.SerializerOptions, TimeSpan.FromMilliseconds(options.Value.StreamIntervalMs)));

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in _feeds.Values)
        {
            await feed.DisposeAsync();
        }
    }
}
