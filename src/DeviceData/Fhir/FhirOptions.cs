namespace WardTwin.DeviceData.Fhir;

/// <summary>FHIR R4 output (section "DeviceData:Fhir"), validated on start. Off while BaseUrl is empty.</summary>
public sealed class FhirOptions
{
    public const string Section = "DeviceData:Fhir";

    /// <summary>The FHIR server's base URL; Bundles are posted to it.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Seconds between posts of every device's latest observations.</summary>
    public double IntervalS { get; set; } = 60;

    /// <summary>"transaction" (all or nothing per Bundle) or "batch" (each entry on its own).</summary>
    public string BundleType { get; set; } = "transaction";

    /// <summary>Entries per Bundle: 500 at most, a common server limit.</summary>
    public int MaxEntries { get; set; } = 500;

    public double TimeoutS { get; set; } = 30;

    public int MaxAttempts { get; set; } = 5;

    public int BackoffInitialMs { get; set; } = 500;

    public int BackoffMaxMs { get; set; } = 30_000;

    /// <summary>Entries waiting at most (the oldest Bundles go first once more wait).</summary>
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>Optional bearer token sent as Authorization (e.g. WARDTWIN_DeviceData__Fhir__BearerToken).</summary>
    public string? BearerToken { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);

    public IEnumerable<string> Problems()
    {
        if (Enabled && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return $"{Section}:BaseUrl '{BaseUrl}' is not an http(s) URL";
        }

        if (IntervalS is < 1 or > 86_400 || double.IsNaN(IntervalS))
        {
            yield return $"{Section}:IntervalS must be within 1..86400 s (got {IntervalS})";
        }

        if (BundleType is not ("transaction" or "batch"))
        {
            yield return $"{Section}:BundleType must be transaction or batch (got '{BundleType}')";
        }

        if (MaxEntries is < 1 or > 500 || MaxAttempts is < 1 or > 100 || QueueCapacity < MaxEntries || TimeoutS is <= 0 or > 600 || BackoffInitialMs < 1 || BackoffMaxMs < BackoffInitialMs)
        {
            yield return $"{Section}: MaxEntries 1..500, MaxAttempts 1..100, QueueCapacity >= MaxEntries, TimeoutS within (0, 600], BackoffMaxMs >= BackoffInitialMs >= 1";
        }
    }
}
