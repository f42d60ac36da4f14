using System.Diagnostics.CodeAnalysis;

namespace Training.Core.Domain;

public enum Sex
{
    Male = 1,
    Female = 2,
}
