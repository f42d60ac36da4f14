namespace Training.Core.Domain;

/// <summary>Who a training class is for, besides the sex rule.</summary>
public enum ClassAudience
{
    Any = 0,              // 不限
    Cadres = 1,           // 在职两委干部
    Reserves = 2,         // 在库后备干部
    CadresOrReserves = 3, // 两委干部或后备干部
}
