using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace WardTwin.Dashboard;

/// <summary>
/// Several wards' feeds as one stream. A browser keeps at most six HTTP/1.1 connections to one host, and each open event
/// stream holds one: an instructor console listening to every trainee's ward on its own stream would, with six trainees,
/// leave no connection for its own calls (start the clock, inject, pause), which would wait for ever.
/// </summary>
internal static class MergedFeed
{
    public static async IAsyncEnumerable<string> Merge(IReadOnlyList<IAsyncEnumerable<string>> sources, [EnumeratorCancellation] CancellationToken cancel)
    {
        // A slow reader loses old messages, not new ones: each is only a sign that something happened.
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var pumps = sources.Select(async source =>
        {
            try
            {
                await foreach (var message in source.WithCancellation(cancel))
                {
                    await channel.Writer.WriteAsync(message, cancel);
                }
            }
            catch (OperationCanceledException)
            {
                // the browser went away
            }
        }).ToArray();
        _ = Task.WhenAll(pumps).ContinueWith(_ => channel.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        await foreach (var message in channel.Reader.ReadAllAsync(cancel))
        {
            yield return message;
        }
    }
}
