namespace WardTwin.Cluster;

/// <summary>Where a silo finds its cluster: alone on this machine (no server), or through PostgreSQL.</summary>
public enum ClusterMode
{
    /// <summary>Localhost clustering, in-memory grain storage: one silo, nothing to install.</summary>
    Embedded,

    /// <summary>Orleans ADO.NET clustering and grain storage on PostgreSQL: any number of silos and clients.</summary>
    Postgres,
}
