using System.CommandLine;

namespace WardTwin.Silo.Cli;

internal static class CalibrateCommand
{
    public static Command Create() => new("calibrate", "Fit the assumed parameters to the model card's calibration targets");
}
