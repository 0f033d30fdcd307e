namespace ExchangeGateway.Registries.Data.Generation;

internal static partial class NationalityCatalog
{
    private static IEnumerable<NationalityProfile> Europe()
    {
        // Most displaced people from Ukraine are women and children: the shares below follow that.
        yield return new NationalityProfile
        {
            Code = "UKR", Weight = 380, FemaleShare = 0.62, ChildShare = 0.18,
            ProtectionShare = 0.45, PermitShare = 0.15,
            Route = TravelRoute.Ukraine, PersonalNumber = PersonalNumberScheme.UkrainianRecordNumber,
            DocumentNumberPatterns = ["F@######", "G@######"],
            MaleGivenNames = ["Oleksandr", "Andrii", "Serhii", "Dmytro", "Mykola", "Volodymyr", "Ivan", "Vasyl",
                "Yurii", "Oleh", "Maksym", "Bohdan", "Taras", "Artem", "Denys"],
            FemaleGivenNames = ["Olena", "Nataliia", "Iryna", "Oksana", "Tetiana", "Yuliia", "Svitlana", "Kateryna",
                "Anastasiia", "Mariia", "Liudmyla", "Halyna", "Viktoriia", "Daryna", "Sofiia"],
            Surnames = Surnames("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
                "Shevchuk", "Polishchuk", "Lysenko", "Marchenko", "Savchenko", "Rudenko", "Moroz", "Boiko",
                "Kovalchuk", "Oliinyk", "Tkachuk", "Kravets", "Petrenko", "Romaniuk", "Honcharuk", "Pavlenko"),
        };
        yield return new NationalityProfile
        {
            Code = "ROU", Weight = 70, Route = TravelRoute.Romania, DocumentNumberPatterns = ["05#######"],
            MaleGivenNames = ["Andrei", "Alexandru", "Mihai", "Ionut", "Gabriel", "Stefan", "Cristian", "Florin",
                "Adrian", "Razvan", "Bogdan", "Vlad"],
            FemaleGivenNames = ["Maria", "Elena", "Ioana", "Andreea", "Alexandra", "Cristina", "Mihaela", "Ana",
                "Gabriela", "Raluca", "Diana", "Simona"],
            Surnames = Surnames("Popescu", "Ionescu", "Popa", "Radu", "Dumitru", "Stoica", "Stan", "Munteanu",
                "Constantin", "Gheorghe", "Matei", "Ciobanu", "Rusu", "Lazar", "Florea", "Dinu"),
        };
        yield return new NationalityProfile
        {
            Code = "RUS", Weight = 70, DocumentNumberPatterns = ["7########"],
            MaleGivenNames = ["Aleksandr", "Sergei", "Dmitrii", "Andrei", "Aleksei", "Maksim", "Ivan", "Mikhail",
                "Nikolai", "Vladimir", "Pavel", "Artem"],
            FemaleGivenNames = ["Elena", "Olga", "Tatiana", "Natalia", "Irina", "Anna", "Svetlana", "Ekaterina",
                "Mariia", "Iuliia", "Anastasiia", "Daria"],
            Surnames = Surnames("Ivanov/Ivanova", "Smirnov/Smirnova", "Kuznetsov/Kuznetsova", "Popov/Popova",
                "Vasilev/Vasileva", "Petrov/Petrova", "Sokolov/Sokolova", "Mikhailov/Mikhailova",
                "Novikov/Novikova", "Fedorov/Fedorova", "Morozov/Morozova", "Volkov/Volkova", "Lebedev/Lebedeva",
                "Kozlov/Kozlova", "Orlov/Orlova"),
        };
        yield return new NationalityProfile
        {
            Code = "BLR", Weight = 25, DocumentNumberPatterns = ["MP#######", "KH#######"],
            MaleGivenNames = ["Aliaksandr", "Siarhei", "Dzmitry", "Andrei", "Uladzimir", "Mikalai", "Aliaksei",
                "Pavel", "Yauhen", "Ihar", "Maksim", "Artsiom"],
            FemaleGivenNames = ["Volha", "Hanna", "Tatsiana", "Natallia", "Iryna", "Sviatlana", "Katsiaryna",
                "Alena", "Maryia", "Yulia", "Darya", "Aliaksandra"],
            Surnames = Surnames("Ivanou/Ivanova", "Kavalenka", "Shauchenka", "Novik", "Kavalchuk", "Zhuk",
                "Kazlou/Kazlova", "Marozau/Marozava", "Navitski/Navitskaya", "Savich", "Lukashevich", "Bandarenka"),
        };
        yield return new NationalityProfile
        {
            Code = "BGR", Weight = 15, Route = TravelRoute.Romania, DocumentNumberPatterns = ["38#######"],
            MaleGivenNames = ["Georgi", "Ivan", "Dimitar", "Nikolay", "Petar", "Hristo", "Stoyan", "Todor",
                "Yordan", "Vasil", "Martin", "Aleksandar"],
            FemaleGivenNames = ["Maria", "Ivanka", "Elena", "Yordanka", "Petya", "Desislava", "Gergana", "Radka",
                "Nadezhda", "Teodora", "Viktoria", "Milena"],
            Surnames = Surnames("Ivanov/Ivanova", "Georgiev/Georgieva", "Dimitrov/Dimitrova", "Petrov/Petrova",
                "Nikolov/Nikolova", "Hristov/Hristova", "Stoyanov/Stoyanova", "Todorov/Todorova", "Iliev/Ilieva",
                "Kolev/Koleva"),
        };
        yield return new NationalityProfile
        {
            Code = "POL", Weight = 10, Route = TravelRoute.Romania, DocumentNumberPatterns = ["@@#######"],
            MaleGivenNames = ["Piotr", "Krzysztof", "Tomasz", "Pawel", "Michal", "Marcin", "Jakub", "Lukasz",
                "Adam", "Kamil"],
            FemaleGivenNames = ["Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Aleksandra", "Monika",
                "Zofia", "Ewa", "Natalia"],
            Surnames = Surnames("Kowalski/Kowalska", "Nowak", "Wisniewski/Wisniewska", "Wojcik", "Kowalczyk",
                "Kaminski/Kaminska", "Lewandowski/Lewandowska", "Zielinski/Zielinska", "Wozniak",
                "Dabrowski/Dabrowska"),
        };
        yield return new NationalityProfile
        {
            Code = "ITA", Weight = 30, DocumentNumberPatterns = ["Y@#######"],
            MaleGivenNames = ["Marco", "Giuseppe", "Luca", "Francesco", "Alessandro", "Andrea", "Matteo",
                "Giovanni", "Stefano", "Paolo", "Roberto", "Davide"],
            FemaleGivenNames = ["Giulia", "Francesca", "Sara", "Chiara", "Maria", "Anna", "Elena", "Alessia",
                "Martina", "Valentina", "Federica", "Silvia"],
            Surnames = Surnames("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
                "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Costa"),
        };
        yield return new NationalityProfile
        {
            // German passport numbers use digits and consonants only, which the '*' alphabet stands for.
            Code = "DEU", Weight = 25, DocumentNumberPatterns = ["C********"],
            MaleGivenNames = ["Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Jan", "Tobias",
                "Lukas", "Felix", "Jonas", "Matthias"],
            FemaleGivenNames = ["Anna", "Julia", "Katharina", "Laura", "Sabine", "Claudia", "Lena", "Lea", "Sarah",
                "Petra", "Nicole", "Hannah"],
            Surnames = Surnames("Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schroeder"),
        };
        yield return new NationalityProfile
        {
            Code = "FRA", Weight = 15, DocumentNumberPatterns = ["##@@#####"],
            MaleGivenNames = ["Jean", "Pierre", "Nicolas", "Julien", "Thomas", "Antoine", "Laurent", "Mathieu",
                "Alexandre", "Olivier", "Hugo", "Louis"],
            FemaleGivenNames = ["Marie", "Camille", "Julie", "Sophie", "Claire", "Manon", "Chloe", "Emma",
                "Isabelle", "Nathalie", "Lea", "Juliette"],
            Surnames = Surnames("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
                "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia"),
        };
        yield return new NationalityProfile
        {
            Code = "GBR", Weight = 12, DocumentNumberPatterns = ["5########", "1########"],
            MaleGivenNames = ["Oliver", "George", "Harry", "Jack", "William", "James", "Thomas", "Daniel", "Samuel",
                "Joseph", "Charles", "Edward"],
            FemaleGivenNames = ["Olivia", "Amelia", "Emily", "Isla", "Sophie", "Charlotte", "Jessica", "Grace",
                "Lucy", "Hannah", "Eleanor", "Alice"],
            Surnames = Surnames("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
                "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Hughes"),
        };
        yield return new NationalityProfile
        {
            Code = "GRC", Weight = 10, DocumentNumberPatterns = ["@@#######"],
            MaleGivenNames = ["Georgios", "Konstantinos", "Dimitrios", "Ioannis", "Nikolaos", "Panagiotis",
                "Christos", "Vasileios", "Athanasios", "Evangelos"],
            FemaleGivenNames = ["Maria", "Eleni", "Aikaterini", "Vasiliki", "Sofia", "Angeliki", "Georgia",
                "Dimitra", "Konstantina", "Paraskevi"],
            Surnames = Surnames("Papadopoulos/Papadopoulou", "Nikolaidis/Nikolaidou", "Georgiou", "Pappas/Pappa",
                "Vlachos/Vlachou", "Oikonomou", "Makris/Makri", "Ioannidis/Ioannidou", "Karagiannis/Karagianni",
                "Dimitriou"),
        };
    }
}
