namespace ExchangeGateway.Registries.Data.Generation;

internal static partial class NationalityCatalog
{
    private static IEnumerable<NationalityProfile> AfricaAndAmericas()
    {
        yield return new NationalityProfile
        {
            Code = "USA", Weight = 25, DocumentNumberPatterns = ["5########", "6########"],
            MaleGivenNames = ["James", "John", "Robert", "Michael", "William", "David", "Joseph", "Daniel",
                "Matthew", "Christopher", "Andrew", "Ryan"],
            FemaleGivenNames = ["Mary", "Jennifer", "Linda", "Elizabeth", "Jessica", "Sarah", "Emily", "Ashley",
                "Emma", "Olivia", "Megan", "Rachel"],
            Surnames = Surnames("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia",
                "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson"),
        };
        yield return new NationalityProfile
        {
            Code = "EGY", Weight = 10, FemaleShare = 0.35, StudyShare = 0.4,
            Consulates = [Consulate.Cairo, Consulate.EVisa], DocumentNumberPatterns = ["A########"],
            MaleGivenNames = ["Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Karim", "Amr", "Tarek", "Youssef",
                "Hossam", "Omar"],
            FemaleGivenNames = ["Fatma", "Mona", "Nour", "Yasmin", "Heba", "Salma", "Dina", "Rania", "Aya",
                "Mariam"],
            Surnames = Surnames("Hassan", "Ibrahim", "Abdel Rahman", "El Sayed", "Mahmoud", "Mostafa", "Farouk",
                "Salem", "Fahmy", "Saad"),
        };
        yield return new NationalityProfile
        {
            Code = "NGA", Weight = 8, FemaleShare = 0.4, StudyShare = 0.6, PermitShare = 0.5,
            Consulates = [Consulate.EVisa], DocumentNumberPatterns = ["A########", "B########"],
            MaleGivenNames = ["Chinedu", "Emeka", "Oluwaseun", "Tunde", "Ibrahim", "Adebayo", "Ikechukwu", "Musa",
                "Femi", "Obinna"],
            FemaleGivenNames = ["Ngozi", "Chiamaka", "Funmilayo", "Aisha", "Adaeze", "Blessing", "Yetunde", "Amina",
                "Folake", "Chidinma"],
            Surnames = Surnames("Okafor", "Adeyemi", "Okonkwo", "Bello", "Eze", "Ogunleye", "Nwosu", "Abubakar",
                "Olawale", "Ibe"),
        };
    }
}
