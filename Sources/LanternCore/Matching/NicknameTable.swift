/// Given names that people use for one another in Britain: formal names with their usual short
/// forms and pet forms (Elizabeth – Liz, Lizzie, Beth, Betty; Alfred – Alfie, Alf).
///
/// A group is a name followed by the names used for it. A name can sit in several groups ("Alex"
/// stands for Alexander and Alexandra), so two names are nicknames of each other when they share
/// a group, unless both are formal names: "Ollie" is short for Oliver and for Olivia, but nobody
/// records Oliver as Olivia, and twins are often given exactly such a pair. Names are normalised
/// (lower case, no accents or punctuation) when the table is built.
public struct NicknameTable: Sendable {
    /// A name that appears in the table, numbered so that the scorer compares integers.
    public struct Entry: Hashable, Sendable {
        let index: UInt16
    }

    private let entriesByName: [String: Entry]
    private let groupsOfEntry: [[UInt16]]
    private let entryIsFormal: [Bool]
    private let heads: [String]
    private let membersOfGroup: [[String]]
    /// Every name in the table with its entry, for finding names a slip away from a typed one.
    private let namesWithEntries: [([UInt8], Entry)]

    /// - Parameters:
    ///   - formalGroups: groups headed by a formal name (Elizabeth, Liz, Lizzie...).
    ///   - shortFormGroups: groups headed by a short form that links several formal names (Ollie:
    ///     Oliver, Olivia); their heads do not count as formal names.
    public init(formalGroups: [[String]], shortFormGroups: [[String]] = []) {
        var groupsByName: [String: [UInt16]] = [:]
        var members: [[String]] = []
        var heads: [String] = []
        var formal: Set<String> = []
        for (group, isFormal) in formalGroups.map({ ($0, true) }) + shortFormGroups.map({ ($0, false) }) {
            let names = group.compactMap(NameNormaliser.joined)
            guard let head = names.first, heads.count < Int(UInt16.max) else { continue }
            let number = UInt16(heads.count)
            heads.append(head)
            members.append(Array(Set(names)).sorted())
            if isFormal { formal.insert(head) }
            for name in Set(names) { groupsByName[name, default: []].append(number) }
        }
        var entries: [String: Entry] = [:]
        var groupsOfEntry: [[UInt16]] = []
        var entryIsFormal: [Bool] = []
        for (name, groups) in groupsByName.sorted(by: { $0.key < $1.key }) where groupsOfEntry.count < Int(UInt16.max) {
            entries[name] = Entry(index: UInt16(groupsOfEntry.count))
            groupsOfEntry.append(groups.sorted())
            entryIsFormal.append(formal.contains(name))
        }
        self.entriesByName = entries
        self.groupsOfEntry = groupsOfEntry
        self.entryIsFormal = entryIsFormal
        self.heads = heads
        self.membersOfGroup = members
        self.namesWithEntries = entries.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
    }

    /// The entry for a normalised name, or nil when the name has no known nicknames.
    public func entry(for name: String) -> Entry? { entriesByName[name] }

    /// The groups an entry belongs to.
    public func groups(of entry: Entry) -> [UInt16] { groupsOfEntry[Int(entry.index)] }

    /// Whether two different names are forms of one name.
    public func areNicknames(_ a: Entry, _ b: Entry) -> Bool {
        guard a != b else { return false }
        if entryIsFormal[Int(a.index)] && entryIsFormal[Int(b.index)] { return false }
        let ga = groupsOfEntry[Int(a.index)], gb = groupsOfEntry[Int(b.index)]
        return ga.contains(where: gb.contains)
    }

    /// Whether two normalised names are different forms of one name.
    public func areNicknames(_ a: String, _ b: String) -> Bool {
        guard let ea = entry(for: a), let eb = entry(for: b) else { return false }
        return areNicknames(ea, eb)
    }

    /// Every other form of a normalised name, sorted ("lizzie" → "bess", "beth", ..., "elizabeth", ...).
    public func nicknames(of name: String) -> [String] {
        guard let entry = entry(for: name) else { return [] }
        let candidates = Set(groups(of: entry).flatMap { membersOfGroup[Int($0)] })
        return candidates.filter { areNicknames(name, $0) }.sorted()
    }

    /// Forms directly linked to a normalised name through a group one of them heads: the formal
    /// name's own short forms, or a short form's formal names. "ali" gives "alexandra" but not
    /// "lexi", though both are short for Alexandra.
    public func directForms(of name: String) -> [String] {
        guard let entry = entry(for: name) else { return [] }
        var forms: Set<String> = []
        for group in groups(of: entry) {
            let head = heads[Int(group)]
            if head == name {
                forms.formUnion(membersOfGroup[Int(group)])
            } else {
                forms.insert(head)
            }
        }
        return forms.filter { $0 != name && areNicknames(name, $0) }.sorted()
    }

    /// Entries of table names one slip (an insertion, deletion, substitution or swap) from a
    /// normalised name that is not itself in the table: "rbbie" is a slip from "robbie".
    func entries(aSlipFrom name: String) -> [Entry] {
        guard name.utf8.count >= 3, entry(for: name) == nil else { return [] }
        let typed = Array(name.utf8)
        return typed.withUnsafeBufferPointer { t in
            namesWithEntries.compactMap { known, entry in
                guard abs(known.count - t.count) <= 1 else { return nil }
                return known.withUnsafeBufferPointer { StringSimilarity.isWithinOneEdit(t, $0) } ? entry : nil
            }
        }
    }

    /// The name that heads `group` ("elizabeth" for the group holding "lizzie").
    public func head(ofGroup group: UInt16) -> String { heads[Int(group)] }

    public static let british = NicknameTable(formalGroups: britishFormalGroups + britishVariantGroups,
                                              shortFormGroups: britishShortFormGroups)

    static let britishFormalGroups: [[String]] = [
        ["Abigail", "Abi", "Abby", "Abbie", "Gail"],
        ["Adam", "Ad"],
        ["Adrian", "Ade"],
        ["Agnes", "Aggie", "Nessa"],
        ["Albert", "Al", "Bert", "Bertie", "Albie"],
        ["Alexander", "Alex", "Alec", "Alexa", "Al", "Lex", "Sandy", "Xander", "Sasha", "Sacha"],
        ["Alexandra", "Alex", "Alexa", "Lexi", "Lexie", "Sandra", "Sandy", "Sasha", "Ali", "Xandra"],
        ["Alexis", "Lexi", "Lexie", "Alex"],
        ["Alfred", "Alf", "Alfie", "Fred", "Freddie", "Freddy"],
        ["Alice", "Ali", "Allie", "Ally"],
        ["Alison", "Ali", "Allie", "Ally", "Alli"],
        ["Amanda", "Mandy", "Manda", "Amy"],
        ["Amelia", "Millie", "Milly", "Mia", "Amy", "Emmy", "Melia"],
        ["Andrew", "Andy", "Drew", "Andi"],
        ["Angela", "Angie", "Ange"],
        ["Annabel", "Annabelle", "Anna", "Bella", "Belle", "Annie"],
        ["Anne", "Ann", "Annie", "Nan", "Nancy", "Anna"],
        ["Anthony", "Tony", "Ant", "Anton", "Antony"],
        ["Archibald", "Archie", "Arch", "Baldie"],
        ["Arthur", "Art", "Artie"],
        ["Augustus", "Gus", "Augie"],
        ["Barbara", "Barb", "Babs", "Barbie"],
        ["Barnaby", "Barney"],
        ["Bartholomew", "Bart", "Barty", "Tolly"],
        ["Benedict", "Ben", "Benny"],
        ["Benjamin", "Ben", "Benji", "Benjy", "Benny", "Jamie"],
        ["Bernard", "Bernie", "Barney"],
        ["Beatrice", "Bea", "Bee", "Trixie", "Betty"],
        ["Bradley", "Brad"],
        ["Bridget", "Bridie", "Biddy", "Bridgette"],
        ["Callum", "Cal", "Calum"],
        ["Cameron", "Cam", "Cammy"],
        ["Caroline", "Carrie", "Caro", "Carol", "Lina"],
        ["Catherine", "Cath", "Cathy", "Cat", "Kate", "Katie", "Kath", "Kathy", "Kay", "Kitty", "Caitlin", "Katy",
         "Kathryn", "Katherine", "Kathleen", "Katharine", "Cate", "Kit"],
        ["Cecilia", "Cece", "Celia", "Cissy"],
        ["Charles", "Charlie", "Charley", "Chas", "Chaz", "Chuck", "Chaz", "Chip"],
        ["Charlotte", "Charlie", "Lottie", "Lotte", "Lotti", "Char", "Charley", "Lotty"],
        ["Christian", "Chris", "Christy", "Kit"],
        ["Christina", "Chris", "Chrissie", "Chrissy", "Tina", "Kirsty", "Kristina"],
        ["Christine", "Chris", "Chrissie", "Chrissy", "Tina", "Kirsty", "Christina"],
        ["Christopher", "Chris", "Kit", "Topher", "Christoph", "Kris"],
        ["Clarissa", "Clare", "Claire", "Clara", "Rissa"],
        ["Clement", "Clem"],
        ["Clifford", "Cliff"],
        ["Constance", "Connie"],
        ["Cornelius", "Con", "Neil", "Corny"],
        ["Cynthia", "Cindy"],
        ["Daniel", "Dan", "Danny", "Dani"],
        ["Danielle", "Dani", "Ellie", "Elle", "Danni"],
        ["David", "Dave", "Davy", "Davey", "Dai", "Davie"],
        ["Deborah", "Debbie", "Deb", "Debs", "Debra"],
        ["Dennis", "Den", "Denny"],
        ["Derek", "Del", "Dezza"],
        ["Dominic", "Dom", "Dommy", "Nic"],
        ["Dorothy", "Dot", "Dottie", "Dolly", "Dora"],
        ["Douglas", "Doug", "Dougie"],
        ["Edmund", "Ed", "Eddie", "Ned", "Ted"],
        ["Edward", "Ed", "Eddie", "Eddy", "Ned", "Ted", "Teddy", "Ward"],
        ["Edwin", "Ed", "Eddie", "Win"],
        ["Eleanor", "Ellie", "Elle", "Nell", "Nellie", "Ella", "Nora", "Norah", "Leonora", "Elly", "Elenor"],
        ["Elena", "Ellie", "Lena", "Helena"],
        ["Elizabeth", "Eliza", "Liz", "Lizzie", "Lizzy", "Liza", "Beth", "Betty", "Bet", "Bess", "Bessie", "Betsy",
         "Libby", "Lisa", "Elsie", "Elise", "Ellie", "Izzy", "Lilibet", "Lily", "Elspeth", "Bettie", "Ella", "Betsie"],
        ["Ellen", "Ellie", "Nell", "Nellie", "Elle"],
        ["Eloise", "Ellie", "Lou", "Elle"],
        ["Emily", "Em", "Emmy", "Millie", "Emmie", "Milly"],
        ["Emma", "Em", "Emmy", "Emmie"],
        ["Ernest", "Ernie"],
        ["Eugene", "Gene"],
        ["Evangeline", "Eva", "Evie", "Angie", "Vangie"],
        ["Evelyn", "Evie", "Eve", "Eva", "Lyn"],
        ["Florence", "Flo", "Florrie", "Flossie", "Flora"],
        ["Frances", "Fran", "Frankie", "Fanny", "Franny", "Francesca"],
        ["Francesca", "Fran", "Frankie", "Chessie", "Cesca", "Franny"],
        ["Francis", "Frank", "Frankie", "Fran", "Franny"],
        ["Frederick", "Fred", "Freddie", "Freddy", "Fritz", "Ricky", "Frederic"],
        ["Gabriel", "Gabe", "Gabby"],
        ["Gabriella", "Gabby", "Gabi", "Ella", "Gabrielle", "Brie"],
        ["Geoffrey", "Geoff", "Jeff", "Jeffrey"],
        ["George", "Georgie", "Geordie"],
        ["Georgina", "Georgie", "Gina", "Georgia"],
        ["Gerald", "Gerry", "Jerry", "Ged"],
        ["Gertrude", "Gertie", "Trudy"],
        ["Gillian", "Gill", "Jill", "Gilly"],
        ["Gregory", "Greg", "Gregor"],
        ["Gwendolyn", "Gwen", "Wendy"],
        ["Harold", "Harry", "Hal", "Harri"],
        ["Harriet", "Hattie", "Harry", "Hetty", "Hatty"],
        ["Harrison", "Harry", "Harri"],
        ["Helen", "Nell", "Nellie", "Lena", "Ellie", "Helena"],
        ["Henrietta", "Hetty", "Etta", "Henny", "Hattie"],
        ["Henry", "Harry", "Hal", "Hank", "Hen", "Henri"],
        ["Herbert", "Herb", "Bert", "Bertie"],
        ["Hubert", "Hugh", "Bert"],
        ["Hugh", "Hughie", "Hugo"],
        ["Isaac", "Ike", "Zac", "Zack", "Izzy"],
        ["Isabel", "Isabella", "Isabelle", "Izzy", "Izzie", "Issy", "Bella", "Belle", "Isa", "Ibby", "Isobel", "Izabela",
         "Isla"],
        ["Isadora", "Izzy", "Dora"],
        ["Jacob", "Jake", "Jack", "Jakey", "Coby", "Jakub", "Kuba"],
        ["Jacqueline", "Jackie", "Jacqui", "Jacky"],
        ["James", "Jim", "Jimmy", "Jamie", "Jimbo", "Jem", "Jay"],
        ["Jane", "Janie", "Jenny", "Jan"],
        ["Janet", "Jan", "Jenny", "Netty"],
        ["Jasmine", "Jas", "Jazz", "Jaz", "Jasmin", "Yasmin", "Yasmine", "Jazmin"],
        ["Jennifer", "Jen", "Jenny", "Jenni", "Jennie", "Jenna"],
        ["Jeremy", "Jerry", "Jez"],
        ["Jessica", "Jess", "Jessie", "Jessi", "Jessy"],
        ["Joanna", "Jo", "Joanne", "Jojo", "Jodie"],
        ["Jonathan", "Jon", "Jonny", "Johnny", "Jonty", "Nathan", "Jono"],
        ["Johanna", "Jo", "Hanna", "Hannah", "Joanna"],
        ["John", "Jack", "Johnny", "Jon", "Jonny", "Ian", "Sean", "Shaun", "Ivan", "Evan", "Jock", "Johnnie", "Juan",
         "Jan", "Johan", "Jan", "Ioan"],
        ["Joseph", "Joe", "Joey", "Jo", "Jojo", "Jos"],
        ["Josephine", "Jo", "Josie", "Jojo", "Jody", "Phina", "Posy", "Fifi"],
        ["Joshua", "Josh", "Joss"],
        ["Judith", "Judy", "Jude", "Jodie"],
        ["Julia", "Jules", "Julie", "Jools"],
        ["Julian", "Jules", "Jools"],
        ["Katherine", "Kate", "Katie", "Kat", "Kath", "Kathy", "Kitty", "Katy", "Kay", "Kit", "Kathryn", "Kaitlyn",
         "Katelyn", "Caitlin"],
        ["Kayleigh", "Kayley", "Kaylee", "Kayla", "Kay"],
        ["Kenneth", "Ken", "Kenny"],
        ["Kimberley", "Kim", "Kimmy", "Kimberly"],
        ["Lauren", "Laurie", "Lolly", "Loz"],
        ["Laurence", "Larry", "Laurie", "Lol", "Lawrence", "Lenny", "Loz"],
        ["Leonard", "Len", "Lenny", "Leo", "Leon"],
        ["Leonardo", "Leo", "Leon", "Nardo"],
        ["Leonora", "Leo", "Nora", "Norah", "Leonie"],
        ["Leopold", "Leo", "Poldi"],
        ["Lewis", "Lew", "Louie", "Lou", "Louis"],
        ["Lillian", "Lily", "Lil", "Lilly", "Lillie", "Lilian"],
        ["Louis", "Lou", "Louie", "Lewis", "Luis"],
        ["Louisa", "Lou", "Lulu", "Louise", "Lou Lou"],
        ["Louise", "Lou", "Lulu", "Weezy", "Louisa"],
        ["Lucas", "Luke", "Luca", "Lukas"],
        ["Lucinda", "Lucy", "Cindy", "Lu"],
        ["Lucy", "Lu", "Luce", "Lucia", "Lucie"],
        ["Luke", "Lucas", "Luca"],
        ["Madeleine", "Maddie", "Maddy", "Madeline", "Madelyn", "Madison", "Lena", "Maddi", "Madalyn"],
        ["Madison", "Maddie", "Maddy", "Maddison", "Madi"],
        ["Malcolm", "Mal", "Malky"],
        ["Margaret", "Maggie", "Meg", "Megan", "Peggy", "Peg", "Marge", "Margie", "Greta", "Rita", "Daisy", "Molly",
         "Maisie", "Mags", "Madge", "Maisy", "Margo", "Margot", "Marguerite"],
        ["Mary", "Molly", "Polly", "Mae", "May", "Mamie", "Maria", "Marie", "Mollie", "Moira", "Maura", "Mair", "Mhairi"],
        ["Martha", "Marty", "Mattie", "Patty"],
        ["Martin", "Marty", "Mart"],
        ["Matilda", "Tilly", "Tillie", "Tilda", "Mattie", "Maud", "Maude"],
        ["Matthew", "Matt", "Matty", "Mattie", "Mat", "Mateusz", "Mathew"],
        ["Maximilian", "Max", "Maxi", "Milan"],
        ["Maxwell", "Max"],
        ["Michael", "Mike", "Mikey", "Mick", "Micky", "Mickey", "Mich", "Mitch", "Mikael", "Micheal", "Michal", "Mihai"],
        ["Michelle", "Shelley", "Shell", "Chelle", "Mich"],
        ["Miranda", "Mandy", "Randa", "Mira"],
        ["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed", "Mohamad", "Mo", "Moe"],
        ["Nathan", "Nate", "Nat"],
        ["Nathaniel", "Nate", "Nat", "Nathan", "Natty"],
        ["Natalie", "Nat", "Nattie", "Tali", "Natalia", "Natasha"],
        ["Natasha", "Tash", "Tasha", "Nat", "Natalie"],
        ["Nicholas", "Nick", "Nicky", "Nico", "Nik", "Nikolai", "Niklas", "Nicolas"],
        ["Nicola", "Nicky", "Nikki", "Nic", "Nicole", "Nico"],
        ["Oliver", "Ollie", "Olly", "Oli", "Noll", "Olivier"],
        ["Olivia", "Liv", "Livvy", "Livvie", "Ollie", "Olly", "Livia", "Oli", "Livy"],
        ["Oscar", "Ozzy", "Ossie", "Oz"],
        ["Oswald", "Ozzy", "Ossie", "Oz"],
        ["Patricia", "Pat", "Patty", "Patsy", "Trish", "Tricia", "Tricia"],
        ["Patrick", "Pat", "Paddy", "Patsy", "Rick", "Pádraig"],
        ["Penelope", "Penny", "Pen", "Nell"],
        ["Peter", "Pete", "Petey", "Piotr", "Pietro", "Pedro", "Petr"],
        ["Philip", "Phil", "Pip", "Philly", "Phillip", "Filip", "Felipe"],
        ["Philippa", "Pippa", "Pip", "Phil", "Pippy"],
        ["Phoebe", "Phoebs", "Bee"],
        ["Rachel", "Rach", "Rae", "Shelly"],
        ["Raymond", "Ray"],
        ["Rebecca", "Becky", "Becca", "Bex", "Becks", "Reba", "Rebekah"],
        ["Reginald", "Reg", "Reggie", "Rex"],
        ["Richard", "Rich", "Richie", "Rick", "Ricky", "Dick", "Dicky", "Ritchie", "Ricardo"],
        ["Robert", "Rob", "Robbie", "Robby", "Bob", "Bobby", "Bert", "Bertie", "Rab", "Rabbie", "Robin", "Roberto", "Robyn"],
        ["Roberta", "Bobbie", "Robbie", "Bertie", "Berta"],
        ["Roderick", "Rod", "Roddy", "Rory"],
        ["Rodney", "Rod", "Roddy"],
        ["Ronald", "Ron", "Ronnie", "Ronny"],
        ["Rosalind", "Ros", "Roz", "Rosie", "Rosa", "Linda"],
        ["Rose", "Rosie", "Rosa", "Rosy", "Roz"],
        ["Rosemary", "Rosie", "Rose", "Romy", "Ro"],
        ["Samantha", "Sam", "Sammy", "Sammie", "Sami"],
        ["Samuel", "Sam", "Sammy", "Sammie"],
        ["Sarah", "Sally", "Sadie", "Sal", "Sara", "Sarai", "Sarrah"],
        ["Sebastian", "Seb", "Sebbie", "Bastian", "Seba"],
        ["Sophia", "Sophie", "Soph", "Sofia", "Sophy", "Sofie", "Zofia", "Zosia"],
        ["Stanley", "Stan"],
        ["Stephanie", "Steph", "Stephie", "Steff", "Stevie", "Fanny"],
        ["Stephen", "Steve", "Stevie", "Steven", "Steph", "Stefan", "Stephan"],
        ["Stuart", "Stu", "Stewart"],
        ["Susan", "Sue", "Susie", "Suzy", "Sukie", "Suzanne", "Susanna", "Susannah", "Zsuzsa"],
        ["Sylvia", "Sylvie", "Syl"],
        ["Terence", "Terry", "Tel", "Terrence"],
        ["Teresa", "Terri", "Tess", "Tessa", "Tessie", "Terry", "Theresa", "Tracy", "Tracey"],
        ["Theodora", "Thea", "Dora", "Teddie", "Theo"],
        ["Theodore", "Theo", "Ted", "Teddy", "Tad", "Teo"],
        ["Thomas", "Tom", "Tommy", "Thom", "Tam", "Tomas", "Tomasz", "Tomos"],
        ["Timothy", "Tim", "Timmy", "Timo"],
        ["Tobias", "Toby", "Tobi"],
        ["Valentina", "Val", "Tina", "Vally"],
        ["Valerie", "Val"],
        ["Veronica", "Ronnie", "Vera", "Roni", "Nica"],
        ["Victor", "Vic", "Vick", "Viktor"],
        ["Victoria", "Vicky", "Vickie", "Vikki", "Tori", "Tory", "Vic", "Toria", "Queenie"],
        ["Vincent", "Vince", "Vinny", "Vin"],
        ["Violet", "Vi", "Vio", "Letty"],
        ["Walter", "Walt", "Wally", "Wat"],
        ["William", "Will", "Willie", "Willy", "Bill", "Billy", "Liam", "Wills", "Wilf", "Wil", "Bill", "Guillermo"],
        ["Wilfred", "Wilf", "Wilfie", "Fred", "Freddie", "Alfie"],
        ["Winifred", "Winnie", "Freda", "Win"],
        ["Yvonne", "Vonnie", "Evie"],
        ["Zachary", "Zac", "Zach", "Zack", "Zak", "Zachariah", "Zak"],
        ["Zoe", "Zoey", "Zo"],
    ]

    /// Short forms that are given names in their own right, with the formal names they stand for.
    /// Their heads are not formal names, so "Ollie" links Oliver and Olivia to Ollie without
    /// making Oliver a nickname of Olivia.
    static let britishShortFormGroups: [[String]] = [
        ["Alfie", "Alf", "Alfred"],
        ["Archie", "Arch"],
        ["Ellie", "Ella", "Elle", "Eleanor", "Ellen", "Elena"],
        ["Freddie", "Fred", "Frederick", "Freddy"],
        ["Harry", "Harri", "Hal", "Henry", "Harold", "Harrison"],
        ["Jack", "Jackie", "Jake", "Jacky", "John"],
        ["Jamie", "Jay", "James", "Jaime", "Jamey"],
        ["Charlie", "Charles", "Charlotte", "Chaz"],
        ["Izzy", "Izzie", "Isabel", "Isabella", "Isobel", "Issy", "Isla"],
        ["Maddie", "Madeleine", "Madison", "Maddison", "Maddy"],
        ["Millie", "Milly", "Amelia", "Emily", "Mildred", "Camilla"],
        ["Ollie", "Olly", "Oliver", "Olivia"],
        ["Teddy", "Ted", "Edward", "Theodore", "Teddie"],
        ["Evie", "Eve", "Eva", "Evelyn", "Evangeline"],
        ["Rosie", "Rose", "Rosa", "Rosemary", "Rosalind"],
        ["Poppy", "Pops", "Pop"],
        ["Daisy", "Margaret", "Dais"],
        ["Lottie", "Charlotte", "Lotte"],
        ["Tommy", "Tom", "Thomas"],
        ["Danny", "Dan", "Daniel"],
        ["Billy", "Bill", "William", "Billie"],
        ["Bobby", "Bob", "Robert", "Bobbie"],
        ["Frankie", "Frank", "Francis", "Frances", "Francesca"],
        ["Sam", "Samuel", "Samantha", "Sammy", "Samson"],
        ["Jess", "Jessica", "Jessie", "Jesse"],
        ["Kate", "Katie", "Catherine", "Katherine", "Kathryn", "Kat", "Katy", "Kit", "Caitlin"],
        ["Megan", "Meg", "Meggie", "Margaret", "Meghan"],
        ["Molly", "Mollie", "Mary", "Margaret"],
        ["Peggy", "Peg", "Margaret"],
        ["Polly", "Mary", "Pauline"],
        ["Sally", "Sal", "Sarah"],
        ["Sadie", "Sarah", "Mercedes"],
        ["Nancy", "Nan", "Anne", "Ann", "Agnes"],
        ["Jenny", "Jennifer", "Jane", "Janet", "Jen"],
        ["Ted", "Edward", "Theodore", "Edmund", "Teddy"],
        ["Ned", "Edward", "Edmund", "Edwin"],
        ["Kit", "Christopher", "Catherine", "Katherine", "Christian"],
        ["Gus", "Augustus", "Angus", "Gustav", "Fergus"],
        ["Sandy", "Alexander", "Alexandra", "Sandra"],
        ["Bella", "Isabella", "Annabella", "Arabella", "Belle"],
        ["Maisie", "Margaret", "Maisy", "Mary"],
        ["Mia", "Amelia", "Maria"],
        ["Leo", "Leon", "Leonard", "Leonardo", "Leopold"],
        ["Reggie", "Reginald", "Reg"],
        ["Ronnie", "Ronald", "Veronica", "Ron"],
        ["Frank", "Francis", "Franklin", "Frankie"],
        ["Jim", "James", "Jimmy", "Jimi"],
        ["Will", "William", "Wilfred", "Willis", "Wilson"],
        ["Liam", "William"],
        ["Ellis", "Elliot", "Elliott", "Eli"],
        ["Elijah", "Eli", "Lijah"],
        ["Ezekiel", "Zeke", "Zek"],
        ["Gabrielle", "Gabby", "Gabi", "Brie"],
        ["Georgia", "Georgie", "George"],
        ["Hannah", "Hanna", "Han", "Annie"],
        ["Imogen", "Immy", "Imo", "Midge"],
        ["Layla", "Laila", "Leila", "Lay"],
        ["Mathilda", "Tilly", "Matilda"],
        ["Nathan", "Nate", "Nat", "Jonathan", "Nathaniel"],
        ["Roxanne", "Roxy", "Roxie"],
        ["Savannah", "Savvy", "Anna"],
        ["Scarlett", "Scarlet", "Lettie", "Scar"],
        ["Tamsin", "Tammy", "Tam"],
        ["Tatiana", "Tanya", "Tania", "Tati"],
        ["Toby", "Tobias", "Tobi"],
        ["Tyler", "Ty"],
    ]

    /// Spellings and transliterations of names common in English cities, recorded
    /// inconsistently; heads here are formal names too.
    static let britishVariantGroups: [[String]] = [
        ["Aisha", "Ayesha", "Aishah", "Ayisha", "Aysha"],
        ["Ali", "Aly", "Alie"],
        ["Fatima", "Fatimah", "Fatma", "Fati"],
        ["Hussain", "Hussein", "Husain", "Hussan"],
        ["Ibrahim", "Ebrahim", "Ibby", "Abraham"],
        ["Ismail", "Ismael", "Ishmael"],
        ["Maryam", "Mariam", "Miriam", "Mary"],
        ["Mustafa", "Mustapha", "Mostafa"],
        ["Omar", "Umar", "Omer"],
        ["Usman", "Osman", "Uthman"],
        ["Yusuf", "Yousef", "Yusef", "Youssef", "Joseph"],
        ["Zainab", "Zaynab", "Zaina", "Zainub"],
        ["Hamza", "Hamzah"],
        ["Abdullah", "Abdallah", "Abdul"],
        ["Amir", "Ameer", "Emir"],
        ["Zahra", "Zara", "Zahrah"],
        ["Aaliyah", "Aliyah", "Aliya", "Aleah"],
        ["Krzysztof", "Christopher", "Chris", "Krzys"],
        ["Aleksander", "Alexander", "Olek", "Alek"],
        ["Małgorzata", "Margaret", "Gosia", "Małgosia"],
        ["Katarzyna", "Catherine", "Kasia", "Kate"],
        ["Wojciech", "Wojtek"],
        ["Stanisław", "Stanley", "Stan", "Staś"],
        ["Oluwaseun", "Seun", "Shaun"],
        ["Oluwadamilare", "Dami", "Damilare"],
        ["Oluwatobi", "Tobi", "Toby"],
        ["Chukwuemeka", "Emeka"],
        ["Nnamdi", "Nam"],
        ["Kwame", "Kwamé"],
        ["Siobhan", "Shiv", "Shivaun", "Chevonne"],
        ["Niamh", "Neve", "Neave", "Nieve"],
        ["Aoife", "Eva", "Ife"],
        ["Sinead", "Shinead", "Jane"],
        ["Padraig", "Patrick", "Paddy"],
        ["Seamus", "James", "Shay", "Shea"],
        ["Eoin", "Owen", "John"],
        ["Ciaran", "Kieran", "Keiran", "Kieron"],
        ["Dylan", "Dillon"],
        ["Rhys", "Reece", "Reese", "Rees"],
        ["Owain", "Owen"],
        ["Dafydd", "David", "Dai"],
    ]
}
