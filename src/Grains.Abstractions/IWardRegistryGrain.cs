using Orleans.Concurrency;

namespace WardTwin.Grains;

/// <summary>
/// The cluster's list of running wards (one grain, key <see cref="Key"/>, stored). The ward keeper on every
/// silo reads it and wakes each ward, so a ward whose silo was lost runs again on another.
/// </summary>
public interface IWardRegistryGrain : IGrainWithStringKey
{
    public const string Key = "wards";

    Task AddAsync(string wardId);

    Task RemoveAsync(string wardId);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> GetRunningAsync();
}
