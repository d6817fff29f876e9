using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Logging;

namespace WardTwin.DeviceData.Fhir;

/// <summary>
/// Posts Bundles to a FHIR server's base URL, one at a time, from a bounded queue (the oldest Bundle goes, counted,
/// when the server cannot keep up). 429, 5xx, timeouts and lost connections are retried with exponential back-off
/// (Retry-After when the server gives one); any other 4xx is the Bundle's fault: it is dropped and the server's
/// OperationOutcome logged. Each answer goes to the Bundle's callback (the identity Bundle's tells where the
/// resources are).
/// </summary>
public sealed class FhirSender(HttpClient http, FhirOptions options, DeviceDataMetrics metrics, ILogger logger)
{
    public const string ClientName = "fhir";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private readonly Channel<Outgoing> _queue = Channel.CreateBounded<Outgoing>(
        new BoundedChannelOptions(Math.Max(1, options.QueueCapacity / options.MaxEntries)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        dropped =>
        {
            metrics.FhirDropped("queue_full", dropped.Bundle.Entry.Count);
            dropped.Done(null);
        });

    private long _backlog;

    /// <summary>Entries waiting to be posted.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>Queues a Bundle without waiting; its callback gets the server's answer, or null when it was given up.</summary>
    public void Post(Bundle bundle, Action<JsonDocument?> done)
    {
        Interlocked.Add(ref _backlog, bundle.Entry.Count);
        _queue.Writer.TryWrite(new Outgoing(bundle, answer =>
        {
            Interlocked.Add(ref _backlog, -bundle.Entry.Count);
            done(answer);
        }));
    }

    public static string Serialize(Bundle bundle) => JsonSerializer.Serialize(bundle, Json);

    public async System.Threading.Tasks.Task RunAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var o in _queue.Reader.ReadAllAsync(stop))
            {
                o.Done(await SendAsync(o.Bundle, stop));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<JsonDocument?> SendAsync(Bundle bundle, CancellationToken stop)
    {
        string body = Serialize(bundle);
        for (int attempt = 1; ; attempt++)
        {
            string reason;
            TimeSpan? after = null;
            long start = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, options.BaseUrl!.TrimEnd('/')) { Content = new StringContent(body, Encoding.UTF8, "application/fhir+json") };
                request.Headers.Accept.ParseAdd("application/fhir+json");
                if (options.BearerToken is { Length: > 0 } token)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(TimeSpan.FromSeconds(options.TimeoutS));
                using var response = await http.SendAsync(request, wait.Token);
                string text = await response.Content.ReadAsStringAsync(wait.Token);
                var took = Stopwatch.GetElapsedTime(start);
                int status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var answer = JsonDocument.Parse(text);
                    int failed = FailedEntries(answer, out string? first);
                    metrics.FhirBundle("ok", bundle.Entry.Count - failed, took);
                    if (failed > 0)
                    {
                        // A batch answers 200 with each entry's own status: those refused are counted and said, not lost quietly.
                        metrics.FhirDropped("entry_error", failed);
                        logger.LogWarning("FHIR {Url}: {Failed} of {Entries} entries of a {Type} Bundle refused, first: {Outcome}", options.BaseUrl, failed, bundle.Entry.Count, options.BundleType, first);
                    }

                    return answer;
                }

                if (status != (int)HttpStatusCode.TooManyRequests && status < 500)
                {
                    metrics.FhirBundle("client_error", bundle.Entry.Count, took);
                    metrics.FhirDropped("client_error", bundle.Entry.Count);
                    logger.LogWarning("FHIR {Url} refused a {Type} Bundle of {Entries} entries with {Status}: {Outcome}", options.BaseUrl, options.BundleType, bundle.Entry.Count, status, Outcome(text));
                    return null;
                }

                reason = status == 429 ? "429" : "5xx";
                after = response.Headers.RetryAfter?.Delta;
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                reason = "timeout";
            }
            catch (HttpRequestException)
            {
                reason = "connection";
            }

            if (attempt >= options.MaxAttempts)
            {
                metrics.FhirBundle("gave_up", bundle.Entry.Count, Stopwatch.GetElapsedTime(start));
                metrics.FhirDropped("attempts", bundle.Entry.Count);
                logger.LogWarning("FHIR {Url}: a Bundle of {Entries} entries given up after {Attempts} attempts (last: {Reason})", options.BaseUrl, bundle.Entry.Count, attempt, reason);
                return null;
            }

            metrics.FhirRetried(reason);
            double backoff = Math.Min(options.BackoffMaxMs, options.BackoffInitialMs * Math.Pow(2, attempt - 1)) * (0.8 + (0.4 * Random.Shared.NextDouble()));
            await System.Threading.Tasks.Task.Delay(after is { } a && a.TotalMilliseconds > backoff ? a : TimeSpan.FromMilliseconds(backoff), stop);
        }
    }

    /// <summary>Entries of a batch- or transaction-response whose status is not 2xx, and the first one's outcome.</summary>
    public static int FailedEntries(JsonDocument answer, out string? first)
    {
        first = null;
        int failed = 0;
        if (answer.RootElement.TryGetProperty("entry", out var entries))
        {
            foreach (var e in entries.EnumerateArray())
            {
                if (e.TryGetProperty("response", out var r) && r.TryGetProperty("status", out var st) && st.GetString() is { } status && !status.StartsWith('2'))
                {
                    failed++;
                    first ??= status + " " + (r.TryGetProperty("outcome", out var o) ? Outcome(o.GetRawText()) : string.Empty);
                }
            }
        }

        return failed;
    }

    /// <summary>The diagnostics of an OperationOutcome, or the start of whatever else the server said.</summary>
    public static string Outcome(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("issue", out var issues))
            {
                return string.Join("; ", issues.EnumerateArray().Select(i =>
                    $"{(i.TryGetProperty("severity", out var s) ? s.GetString() : "?")} {(i.TryGetProperty("code", out var c) ? c.GetString() : "?")}: {(i.TryGetProperty("diagnostics", out var d) ? d.GetString() : i.TryGetProperty("details", out var t) && t.TryGetProperty("text", out var tt) ? tt.GetString() : string.Empty)}"));
            }
        }
        catch (JsonException)
        {
            // Not JSON: shown as it came.
        }

        return text.Length > 300 ? text[..300] : text;
    }

    private sealed record Outgoing(Bundle Bundle, Action<JsonDocument?> Done);
}
