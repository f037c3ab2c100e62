using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Personnel.Imports;

/// <summary>The columns of the people sheet, named like the API's fields, in the order an export writes them.</summary>
public static class PeopleSheetColumns
{
    public const string Name = "name";
    public const string Gender = "gender";
    public const string BirthDate = "birthDate";
    public const string Ethnicity = "ethnicity";
    public const string Education = "education";
    public const string JoinedPartyOn = "joinedPartyOn";
    public const string Source = "source";
    public const string IdNumber = "idNumber";
    public const string Phone = "phone";
    public const string UnitCode = "unitCode";
    public const string UnitName = "unitName";
    public const string PostKind = "postKind";
    public const string PostStart = "postStart";
    public const string PostUnitCode = "postUnitCode";

    /// <summary>
    /// Every column an export writes; an import ignores unitName (the code decides). A person's optional
    /// fields (joinedPartyOn, phone) and the post may be left out: an import never changes a person, so an
    /// absent column cannot wipe anything.
    /// </summary>
    public static readonly SheetColumns Sheet = new(
        [Name, Gender, BirthDate, Ethnicity, Education, JoinedPartyOn, Source, IdNumber, Phone, UnitCode, UnitName, PostKind, PostStart, PostUnitCode],
        [Name, Gender, BirthDate, Ethnicity, Education, Source, IdNumber, UnitCode]);
}
