namespace Training.Tests.Infrastructure.Builders;

/// <summary>The demo's staff accounts a test signs in as (their password is the fixture's); one list for every module's tests.</summary>
public static class DemoAccounts
{
    /// <summary>汉塘村委会 (人和镇, 白云区).</summary>
    public const string Village = "village-440111103201";
    /// <summary>人和镇.</summary>
    public const string Township = "township-440111103";
    /// <summary>白云区.</summary>
    public const string District = "district-440111";
    public const string City = "city";
    /// <summary>系统管理员: accounts and jobs, bound to no unit.</summary>
    public const string SystemAdmin = "sysadmin";
    /// <summary>安全审计员: the audit trail only.</summary>
    public const string Auditor = "auditor";
    /// <summary>A township of 越秀区: outside 白云区's scope.</summary>
    public const string OtherTownship = "township-440103001";
    /// <summary>越秀区.</summary>
    public const string OtherDistrict = "district-440103";
}
