using WardTwin.Model.Parameters;

namespace WardTwin.Model.Vitals;

/// <summary>
/// A monitor's alarms over time (IEC 60601-1-8): raised when a rule's condition has lasted its alarm-condition delay, with its priority;
/// acknowledged by a nurse; escalated one priority when still active and unacknowledged after the
/// escalation time; when the condition ends, a latching alarm stays until acknowledged and a non-latching one goes.
/// Physiological and technical alarms are kept apart by their rules' category.
/// </summary>
public sealed class AlarmBoard(IReadOnlyList<AlarmRule> rules, double escalateAfterH)
{
    private readonly Dictionary<string, ActiveAlarm> _alarms = new(StringComparer.Ordinal);

    // When each condition began, while it waits out its rule's alarm-condition delay (not stored: a monitor that
    // restarts waits the delay again, as a real one does).
    private readonly Dictionary<string, double> _conditionSinceH = new(StringComparer.Ordinal);

    public IEnumerable<ActiveAlarm> Alarms => _alarms.Values;

    /// <summary>Puts back stored alarms (a monitor reactivated after its silo was lost).</summary>
    public void Restore(IEnumerable<ActiveAlarm> alarms)
    {
        _alarms.Clear();
        foreach (var a in alarms)
        {
            _alarms[a.Kind] = a;
        }
    }

    /// <summary>Goes up by one at every change of the board (raised, escalated, condition ended, acknowledged, cleared): a host stores the board when it moved.</summary>
    public long Version { get; private set; }

    /// <summary>Applies one reading; returns the alarms it newly raised.</summary>
    /// <param name="devices">The pump's faults at the bed (technical alarms); the probe's comes with the reading.</param>
    public IReadOnlyList<ActiveAlarm> Record(double timeH, VitalSigns reading, double baselineHr, DeviceConditions devices = DeviceConditions.None)
    {
        List<ActiveAlarm>? raised = null;
        foreach (var rule in rules)
        {
            string kind = AlarmEvaluator.Name(rule);
            bool met = AlarmEvaluator.IsMet(rule, reading, baselineHr, devices);
            if (!met)
            {
                _conditionSinceH.Remove(kind);
            }

            if (met && (!_alarms.TryGetValue(kind, out var existing) || !existing.Active))
            {
                if (!HeldLongEnough(rule, kind, timeH))
                {
                    continue;
                }

                var alarm = new ActiveAlarm(kind, rule.Priority, timeH);
                _alarms[kind] = alarm;
                (raised ??= []).Add(alarm);
                Version++;
            }
            else if (_alarms.TryGetValue(kind, out var alarm))
            {
                Version += alarm.Active == met ? 0 : 1;
                alarm.Active = met;
                if (met && !alarm.Acknowledged && !alarm.Escalated && timeH - alarm.RaisedAtH >= escalateAfterH)
                {
                    Version++;
                    alarm.Escalated = true;
                    alarm.Priority = alarm.Priority == AlarmPriority.High ? AlarmPriority.High : alarm.Priority + 1;
                }

                if (!met && (alarm.Acknowledged || !rule.Latching))
                {
                    _alarms.Remove(kind);
                }
            }
        }

        return raised ?? (IReadOnlyList<ActiveAlarm>)[];
    }

    /// <summary>The condition has lasted its rule's alarm-condition delay (a delay of 0 raises on the first reading).</summary>
    private bool HeldLongEnough(AlarmRule rule, string kind, double timeH)
    {
        if (rule.ConditionDelayS <= 0)
        {
            return true;
        }

        if (!_conditionSinceH.TryGetValue(kind, out double since))
        {
            _conditionSinceH[kind] = timeH;
            return false;
        }

        if ((timeH - since) * 3600 < rule.ConditionDelayS - 1e-6)
        {
            return false;
        }

        _conditionSinceH.Remove(kind);
        return true;
    }

    /// <summary>The rule an alarm on this board was raised by (its label and category), if the board knows it.</summary>
    public AlarmRule? RuleOf(string kind) => rules.FirstOrDefault(r => AlarmEvaluator.Name(r) == kind);

    /// <summary>A nurse acknowledges; an alarm whose condition has already ended goes away.</summary>
    public bool Acknowledge(string kind)
    {
        if (!_alarms.TryGetValue(kind, out var alarm))
        {
            return false;
        }

        alarm.Acknowledged = true;
        Version++;
        if (!alarm.Active)
        {
            _alarms.Remove(kind);
        }

        return true;
    }
}

/// <summary>One alarm on a monitor.</summary>
public sealed class ActiveAlarm(string kind, AlarmPriority priority, double raisedAtH)
{
    public string Kind { get; } = kind;

    public AlarmPriority Priority { get; set; } = priority;

    public double RaisedAtH { get; } = raisedAtH;

    public bool Acknowledged { get; set; }

    public bool Escalated { get; set; }

    public bool Active { get; set; } = true;
}
