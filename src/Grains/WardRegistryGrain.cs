using System.Collections.Immutable;

namespace WardTwin.Grains;

/// <summary>The cluster's running wards, stored so that the list outlives any silo.</summary>
public sealed class WardRegistryGrain(
    [PersistentState("registry", WardTwinStorage.Name)] IPersistentState<WardRegistryState> state) : Grain, IWardRegistryGrain
{
    public async Task AddAsync(string wardId)
    {
        if (!state.State.Wards.Contains(wardId))
        {
            state.State = new WardRegistryState(state.State.Wards.Add(wardId));
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string wardId)
    {
        if (state.State.Wards.Contains(wardId))
        {
            state.State = new WardRegistryState(state.State.Wards.Remove(wardId));
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetRunningAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Wards]);
}

/// <summary>The stored list of running wards.</summary>
[GenerateSerializer]
public sealed record WardRegistryState([property: Id(0)] ImmutableArray<string> Wards)
{
    public WardRegistryState()
        : this(ImmutableArray<string>.Empty)
    {
    }
}
