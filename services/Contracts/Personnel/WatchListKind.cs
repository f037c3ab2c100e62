namespace PartyPlatform.Contracts.Personnel;

/// <summary>Why a village is watched before the next village election (村两委换届). Names travel in the API and in events.</summary>
public enum WatchListKind
{
    /// <summary>No suitable candidate for secretary (无合适人选).</summary>
    NoSuitableCandidate,

    /// <summary>Backward (后进/软弱涣散): where first secretaries are sent.</summary>
    Backward,

    /// <summary>Complex (情况复杂).</summary>
    Complex,

    /// <summary>Unstable (不稳定).</summary>
    Unstable,
}
