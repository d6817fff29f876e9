namespace WardTwin.Model.Pump;

public enum PumpState
{
    Idle,
    Running,
    Paused,
    Stopped,
    Occluded,
    Empty,
}
