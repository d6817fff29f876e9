using Microsoft.Extensions.Logging;

namespace WardTwin.Grains;

/// <summary>
/// What a ward asks of its beds' patients: admit, move to a time, discharge. Each bed's call stands alone: one that
/// fails marks its bed and is logged (once, and again when it recovers), never stops the ward or the other beds.
/// </summary>
/// <param name="callsInFlight">Calls to patients the ward has in flight at the most (<see cref="WardTwinOptions.WardCallsInFlight"/>).</param>
internal sealed class WardBedCalls(IGrainFactory grains, string wardId, WardRoster roster, WardTwinMetrics metrics, ILogger logger, int callsInFlight)
{
    /// <summary>Moves every occupied bed's patient to <paramref name="target"/>, a bounded number at a time.</summary>
    public Task MoveAllAsync(double target, WardClockView clock)
    {
        var occupied = new List<(int Bed, string Id)>(roster.Occupied);
        for (int b = 0; b < roster.Beds.Count; b++)
        {
            if (roster.Beds[b] is { } id)
            {
                occupied.Add((b, id));
            }
        }

        return BoundedFanOut.RunAsync(occupied, callsInFlight, o => MoveAsync(o.Bed, o.Id, target, clock));
    }

    /// <summary>Admits a new patient to each bed (each stores its admission), a bounded number at a time: a 10,000-bed ward starts in one round.</summary>
    public Task AdmitAsync(List<int> beds, double atH, WardConfig config)
    {
        var admissions = new List<(string Id, PatientAdmission Admission)>(beds.Count);
        foreach (int bed in beds)
        {
            var (id, admission) = roster.Admit(wardId, bed, atH, config);
            admissions.Add((id, admission));
            metrics.AdmissionStarted();
            Log.Admitted(logger, wardId, id, bed, atH);
        }

        return BoundedFanOut.RunAsync(admissions, callsInFlight, a => grains.GetGrain<IPatientGrain>(a.Id).AdmitAsync(a.Admission));
    }

    /// <summary>
    /// One move of the ward's clock for its beds: who arrived waits, free beds take the waiting, every patient moves to
    /// <paramref name="target"/>, those whose treatment ended leave, and their beds take the next waiting. True when a bed changed hands.
    /// </summary>
    public async Task<bool> MoveWardAsync(double target, WardClockView clock, WardConfig config)
    {
        roster.Arrive(target);
        int admittedBefore = roster.Admitted;
        await AdmitAsync(roster.BedsForWaiting(), target, config);
        await MoveAllAsync(target, clock);
        bool freed = false;
        for (int b = 0; b < roster.Beds.Count; b++)
        {
            if (roster.Beds.Ended(b))
            {
                Free(b, target);
                freed = true;
            }
        }

        await AdmitAsync(roster.BedsForWaiting(), target, config);
        roster.NoteOccupancy(target);
        return freed || roster.Admitted != admittedBefore;
    }

    /// <summary>A ward with no arrivals starts full: every bed (or every bed its scenario names) takes a patient at hour 0.</summary>
    public Task FillAtStartAsync(WardConfig config) =>
        config.ArrivalsPerDay == 0 && config.ArrivalScheduleH is null
            ? AdmitAsync(config.Patients?.Select(p => p.Bed).ToList() ?? Enumerable.Range(0, config.Beds).ToList(), 0, config)
            : Task.CompletedTask;

    /// <summary>An admission asked for by hand, to a bed that must exist and be free; returns the new patient's key.</summary>
    public async Task<string> AdmitByHandAsync(int bed, double simH, WardConfig config)
    {
        roster.CheckBed(bed);
        if (roster.Beds[bed] is { } occupant)
        {
            throw new InvalidOperationException($"bed {bed} is occupied by {occupant}");
        }

        await AdmitAsync([bed], simH, config);
        return roster.Beds[bed]!;
    }

    /// <summary>A discharge asked for by hand, from a bed that must exist and be occupied.</summary>
    public async Task DischargeByHandAsync(int bed, double simH)
    {
        roster.CheckBed(bed);
        if (roster.Beds[bed] is not { } id)
        {
            throw new InvalidOperationException($"bed {bed} is empty");
        }

        await grains.GetGrain<IPatientGrain>(id).DischargeAsync($"discharged from bed {bed} by hand");
        Free(bed, simH);
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
