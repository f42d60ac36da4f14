namespace Training.Web.Features.Audit;

/// <summary>How long the audit trail is kept (configuration section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>网络安全法 Art. 21 and 等保 8.1.4.3 d: at least six months; a shorter setting is taken as 180 days.</summary>
    public const int MinimumKeepDays = 180;

    public int KeepDays { get; set; } = MinimumKeepDays;

    public TimeSpan KeepFor => TimeSpan.FromDays(Math.Max(KeepDays, MinimumKeepDays));
}
