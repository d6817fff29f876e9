using Microsoft.Extensions.Logging;

namespace WardTwin.Grains;

/// <summary>
/// What a ward asks of its beds' patients: admit, move to a time, discharge. Each bed's call stands alone: one that
/// fails marks its bed and is logged (once, and again when it recovers), never stops the ward or the other beds.
/// </summary>
internal sealed class WardBedCalls(IGrainFactory grains, string wardId, WardRoster roster, WardTwinMetrics metrics, ILogger logger)
{
    /// <summary>Moves every occupied bed's patient to <paramref name="target"/> at once.</summary>
    public Task MoveAllAsync(double target, WardClockView clock)
    {
        var moving = new List<Task>();
        for (int b = 0; b < roster.Beds.Count; b++)
        {
            if (roster.Beds[b] is { } id)
            {
                moving.Add(MoveAsync(b, id, target, clock));
            }
        }

        return Task.WhenAll(moving);
    }

    /// <summary>Admits a new patient to each bed, all at once (each stores its admission): a 10,000-bed ward starts in one round of calls.</summary>
    public async Task AdmitAsync(List<int> beds, double atH, WardConfig config)
    {
        var admissions = new List<Task>(beds.Count);
        foreach (int bed in beds)
        {
            var (id, admission) = roster.Admit(wardId, bed, atH, config);
            admissions.Add(grains.GetGrain<IPatientGrain>(id).AdmitAsync(admission));
            metrics.AdmissionStarted();
            Log.Admitted(logger, wardId, id, bed, atH);
        }

        await Task.WhenAll(admissions);
    }

    /// <summary>The ward stops: every patient is discharged and every bed freed, whether or not its patient answers.</summary>
    public async Task DischargeAllAsync(double simH)
    {
        for (int b = 0; b < roster.Beds.Count; b++)
        {
            if (roster.Beds[b] is { } id)
            {
                try
                {
                    await grains.GetGrain<IPatientGrain>(id).DischargeAsync("the ward was stopped");
                }
                catch (Exception ex)
                {
                    // The bed is freed anyway: a stopped ward keeps no patient, and the patient's own record says how far it got.
                    Log.BedFailed(logger, ex, wardId, b, id, simH);
                }

                Free(b, simH);
            }
        }
    }

    public void Free(int bed, double simH)
    {
        Log.Discharged(logger, wardId, roster.Free(bed), bed, simH);
        metrics.AdmissionEnded();
    }

    private async Task MoveAsync(int bed, string id, double target, WardClockView clock)
    {
        try
        {
            int failures = roster.Beds.Moved(bed, await grains.GetGrain<IPatientGrain>(id).AdvanceToAsync(target, clock));
            if (failures > 0)
            {
                Log.BedRecovered(logger, wardId, bed, id, failures);
            }
        }
        catch (Exception ex)
        {
            if (roster.Beds.Failed(bed, ex))
            {
                Log.BedFailed(logger, ex, wardId, bed, id, target);
            }
        }
    }
}
