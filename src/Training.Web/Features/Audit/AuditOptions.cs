namespace Training.Web.Features.Audit;

/// <summary>How long the audit trail is kept (configuration section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>网络安全法 Art. 21 and 等保 8.1.4.3 d: at least six months; a shorter setting is taken as 180 days.</summary>
    public const int MinimumKeepDays = 180;

    public int KeepDays { get; set; } = MinimumKeepDays;

    public TimeSpan KeepFor => TimeSpan.FromDays(Math.Max(KeepDays, MinimumKeepDays));

    /// <summary>The chain's seal key (base64, ≥ 32 bytes); empty: a key file made on first run in <see cref="Folder"/>.</summary>
    public string? SealKey { get; set; }

    /// <summary>Where the key file and the chain's last head are kept, outside the database; empty: the key store folder (<c>Keys:Folder</c>).</summary>
    public string? Folder { get; set; }
}
