using System.Linq.Expressions;

namespace Training.Core.Domain;

public enum ReserveTarget
{
    Secretary = 1,    // 书记后备
    TwoCommittee = 2, // 两委后备
}
