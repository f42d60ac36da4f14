namespace Training.Core.Domain;

/// <summary>What the player says of the interval that ends with a heartbeat (LEARNING.md §3).</summary>
public enum PlaybackState
{
    Playing,
    Paused,
    /// <summary>The page was hidden (another app, another tab, the screen off): time from then earns nothing.</summary>
    Hidden,
    Ended,
}
