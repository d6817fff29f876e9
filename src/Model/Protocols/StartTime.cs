namespace WardTwin.Model.Protocols;

/// <summary>Clock time and weekday of the first infusion; reviews and weekdays count from here.</summary>
public sealed record StartTime(string Clock = "09:00", DayOfWeek Weekday = DayOfWeek.Monday, string? Assumed = null);
