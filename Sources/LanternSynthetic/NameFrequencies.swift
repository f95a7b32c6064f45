/// Given names and surnames with relative frequencies, for drawing synthetic people.
///
/// The mix is that of children and parents in a large English city: English, Welsh, Scottish and
/// Irish names alongside South Asian (Pakistani, Bangladeshi, Indian, Sikh), Black British,
/// African and Caribbean, Somali and Arabic, Eastern European and Chinese and Vietnamese names.
/// Every entry is a common name on its own; first names and surnames are drawn independently, so
/// no synthetic person is anyone in particular. Weights are rough shares, not official statistics.
public enum NameFrequencies {
    public static let boys = WeightedList(parse(boyNames))
    public static let girls = WeightedList(parse(girlNames))
    public static let surnames = WeightedList(parse(surnameList))
    /// Middle names are drawn from first names of the same sex, and are often absent.
    public static func givenNames(sex: String) -> WeightedList<String> { sex == "F" ? girls : boys }

    /// "Name:weight" pairs separated by spaces or new lines.
    static func parse(_ text: String) -> [(String, Double)] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { item in
            let parts = item.split(separator: ":")
            return (String(parts[0]).replacingOccurrences(of: "_", with: " "), Double(parts[1])!)
        }
    }

    private static let boyNames = """
    Muhammad:160 Oliver:95 George:85 Noah:85 Arthur:70 Leo:70 Harry:60 Oscar:55 Archie:55 Henry:50
    Jack:50 Charlie:50 Freddie:45 Theodore:45 Thomas:40 Alfie:40 Jacob:40 William:40 Isaac:38 Joshua:35
    James:35 Ethan:30 Lucas:30 Alexander:30 Max:30 Jaxon:20 Reggie:20 Teddy:25 Finley:25 Samuel:30
    Daniel:30 Adam:40 Yusuf:45 Ibrahim:40 Hamza:35 Ali:35 Zayn:30 Ayaan:30 Musa:30 Umar:28 Omar:25
    Zakariya:22 Abdullah:22 Eesa:20 Ismail:20 Haroon:15 Rayyan:22 Idris:15 Bilal:18 Hassan:20 Hussain:18
    Ahmed:20 Amir:18 Ayan:20 Arjun:18 Aarav:15 Rohan:12 Dev:10 Krish:10 Vihaan:10 Harjot:8 Gurveer:8
    Jaskaran:8 Manveer:7 Sukhman:7 Rahim:10 Tahmid:8 Sami:12 Yahya:15 Zain:18 Kian:12 Riley:20
    Jayden:22 Kai:20 Tyler:15 Mason:25 Logan:20 Dylan:20 Harrison:20 Louie:20 Ronnie:18 Tommy:20
    Albie:18 Louis:18 Elijah:25 Jude:20 Luca:25 Roman:20 Rory:15 Sonny:20 Hugo:18 Frankie:15 Bobby:15
    Stanley:15 Ezra:18 Ellis:12 Toby:15 Joseph:25 Benjamin:20 Matthew:15 Ryan:15 Nathan:12 Callum:10
    Kyle:8 Connor:12 Liam:15 Aiden:15 Caleb:15 Michael:15 David:15 Andrew:8 Jonathan:8 Christopher:8
    Edward:12 Jakub:15 Szymon:10 Filip:10 Antoni:8 Kacper:8 Aleksander:8 Mateusz:8 Oliwier:6 Wiktor:6
    Andrei:8 Luca:8 David:6 Matei:5 Denis:5 Ionut:5 Tobi:10 David:5 Emmanuel:12 Daniel:6 Samuel:6
    Joshua:6 Jeremiah:8 Israel:8 Chidera:5 Tobenna:4 Kwame:5 Kofi:6 Femi:5 Tunde:4 Oluwaseun:4 Ayomide:6
    Marcus:10 Tyrese:6 Kairo:6 Malachi:10 Nathaniel:8 Isaiah:10 Josiah:8 Abdirahman:8 Mohamed:15
    Abdi:8 Hamse:5 Yasin:8 Khalid:6 Ilyas:10 Anas:8 Kareem:6 Ryan:6 Wei:4 Jun:4 Minh:4 Duc:3 Kevin:6
    Aaron:10 Patrick:8 Sean:8 Cian:6 Conor:6 Declan:5 Owen:12 Rhys:8 Evan:10 Cameron:10 Lewis:10
    Reuben:12 Jenson:10 Jasper:8 Felix:12 Sebastian:12 Austin:10 Carter:8 Otis:10 Rowan:8 Mohammed:40
    """

    private static let girlNames = """
    Olivia:80 Amelia:80 Isla:60 Ava:60 Lily:55 Freya:45 Ivy:45 Florence:40 Isabella:40 Mia:45
    Willow:40 Rosie:35 Sophia:35 Grace:35 Evie:40 Poppy:35 Ella:35 Sienna:30 Daisy:30 Emily:35
    Charlotte:35 Millie:30 Sophie:30 Matilda:25 Phoebe:20 Harper:25 Elsie:25 Layla:35 Maya:30 Ruby:30
    Esme:20 Isabelle:20 Alice:25 Evelyn:25 Aurora:20 Luna:25 Mila:25 Hallie:15 Orla:12 Eliza:15
    Maryam:45 Fatima:40 Aisha:40 Zainab:30 Hafsa:25 Amira:25 Inaaya:22 Eshal:20 Anaya:22 Hawa:15
    Khadijah:20 Safa:12 Sara:20 Hannah:25 Maria:20 Yasmin:15 Iman:15 Ayesha:20 Amna:15 Alisha:10
    Zara:25 Hana:12 Noor:18 Sumaya:10 Ruqayyah:12 Mariam:10 Asiya:10 Aleena:10 Anisa:10 Rania:8
    Priya:10 Simran:10 Harleen:8 Navneet:6 Jasleen:8 Gurleen:6 Anika:10 Riya:10 Diya:8 Kiran:6
    Nusrat:6 Tasnim:8 Sadia:8 Farzana:5 Nafisa:5 Amara:15 Nia:12 Imani:10 Chloe:20 Precious:8
    Blessing:8 Favour:8 Adaeze:5 Chidinma:5 Temitope:5 Ayomide:5 Abena:5 Akosua:4 Kemi:5 Zuri:6
    Nevaeh:8 Aaliyah:18 Leah:15 Jessica:15 Emma:15 Ellie:20 Lucy:20 Chloe:10 Megan:10 Lauren:8
    Holly:12 Katie:10 Amy:10 Rebecca:8 Sarah:12 Laura:6 Natalie:6 Jasmine:12 Scarlett:20 Imogen:15
    Martha:12 Edith:10 Violet:15 Beatrice:10 Georgia:12 Eleanor:15 Elizabeth:15 Victoria:8 Margot:8
    Zuzanna:8 Lena:10 Maja:8 Oliwia:8 Natalia:8 Julia:12 Amelia:5 Antonina:5 Alicja:5 Wiktoria:6
    Ioana:5 Andreea:5 Elena:8 Daria:6 Sofia:15 Anna:12 Kateryna:4 Nikola:5 Ifrah:8 Hodan:6 Sagal:6
    Ilhan:5 Fardowsa:4 Ladan:4 Mei:4 Lan:3 Linh:4 Ngoc:3 Siobhan:6 Niamh:8 Aoife:6 Ciara:8 Erin:12
    Caitlin:10 Bethan:6 Seren:5 Cerys:6 Eilidh:4 Hope:10 Faith:8 Harriet:10 Clara:12 Nancy:12 Thea:12
    Ada:15 Hazel:10 Penelope:8 Bonnie:10 Lottie:12 Maisie:12 Myla:10 Lyla:10 Darcie:10 Lola:12
    """

    private static let surnameList = """
    Smith:120 Jones:80 Taylor:60 Brown:65 Williams:70 Wilson:40 Johnson:50 Davies:45 Robinson:30 Wright:35
    Thompson:35 Evans:35 Walker:35 White:30 Roberts:30 Green:28 Hall:30 Wood:25 Jackson:30 Clarke:30
    Harris:25 Lewis:25 Edwards:22 Hughes:22 Turner:20 Hill:22 Cooper:20 Ward:20 Morris:20 Moore:20
    King:20 Watson:18 Baker:18 Harrison:18 Morgan:18 Patel:60 Young:16 Allen:16 Mitchell:16 James:20
    Anderson:14 Phillips:16 Lee:18 Bell:14 Parker:16 Davis:14 Price:14 Bennett:12 Griffiths:12 Kelly:14
    Cook:14 Carter:14 Shaw:14 Chapman:10 Richardson:12 Marshall:10 Ellis:10 Simpson:10 Collins:12
    Murray:10 Holmes:10 Stevens:10 Graham:10 Rogers:10 Reid:8 Jenkins:12 Mason:10 Webb:10 Hunt:10
    Palmer:10 Mills:10 Barnes:10 Fisher:8 Knight:10 Lloyd:10 Butler:10 Russell:10 Barker:8 Fox:8
    Stewart:8 Gray:8 Dixon:10 Lawrence:10 Hudson:8 Powell:10 Cox:8 Pearce:8 Payne:8 Owen:8
    Khan:110 Ahmed:80 Hussain:75 Ali:70 Begum:60 Akhtar:40 Mahmood:35 Iqbal:35 Rehman:30 Shah:35
    Bibi:30 Mohammed:40 Rashid:20 Miah:25 Uddin:25 Islam:20 Chowdhury:15 Rahman:30 Aziz:15 Javed:15
    Riaz:15 Siddique:12 Sadiq:12 Saleem:12 Qureshi:12 Malik:20 Butt:15 Mir:12 Zaman:12 Latif:10 Nawaz:12
    Anwar:12 Yousaf:10 Hanif:10 Younis:10 Kauser:8 Parveen:12 Naz:10 Sultana:12 Hoque:10 Haque:10
    Singh:60 Kaur:55 Sharma:15 Kumar:15 Gill:15 Sandhu:12 Sidhu:10 Dhillon:12 Bains:10 Johal:8
    Sahota:8 Mistry:10 Chauhan:10 Parmar:10 Solanki:8 Lal:8 Ram:8 Bhatti:8 Virdi:6 Rai:8 Gupta:8
    Campbell:15 Francis:12 Grant:12 Forbes:8 McKenzie:10 Bailey:12 Thomas:25 Richards:10 Samuels:8
    Henry:10 Gordon:8 Clarke-Brown:3 Reid:6 Morrison:6 Lewis-Smith:3 Okafor:8 Adeyemi:8 Mensah:8
    Osei:8 Boateng:8 Asante:6 Okonkwo:6 Adebayo:8 Oyelaran:4 Okoro:6 Eze:6 Nwosu:6 Obi:6 Danso:5
    Owusu:8 Appiah:5 Addo:5 Afolabi:5 Balogun:5 Ogunleye:5 Abiodun:4 Johnson:10 Ndlovu:4 Moyo:4
    Mohamed:35 Abdi:20 Hassan:25 Farah:15 Osman:12 Ibrahim:15 Yusuf:15 Omar:12 Aden:10 Warsame:8
    Jama:8 Nur:8 Abdullahi:10 Ismail:10 Said:8 Salah:6 Nowak:15 Kowalski:10 Wisniewski:8 Wojcik:8
    Kowalczyk:8 Kaminski:8 Lewandowski:8 Zielinski:6 Szymanski:6 Wozniak:6 Dabrowski:6 Kozlowski:5
    Jankowski:5 Mazur:6 Krawczyk:5 Piotrowski:5 Grabowski:5 Pawlak:4 Michalski:4 Popescu:8 Ionescu:5
    Popa:6 Pop:5 Radu:5 Dumitru:5 Stan:5 Stoica:4 Gheorghe:4 Rusu:4 Horvath:4 Novak:5 Petrov:4
    Ivanov:4 Kovacs:4 Balan:3 Petrauskas:3 Kazlauskas:3 Berzins:3 Murphy:15 Kelly:6 O'Brien:10
    O'Connor:10 Byrne:8 Ryan:10 Doyle:8 McCarthy:8 O'Neill:8 Gallagher:6 Quinn:6 Brennan:6 Walsh:10
    Kennedy:8 Lynch:6 McDonald:8 MacDonald:5 Fitzgerald:5 Connolly:5 Duffy:5 Higgins:5 Wang:6 Li:6
    Zhang:5 Chen:6 Liu:4 Huang:3 Wong:5 Chan:5 Cheung:3 Nguyen:8 Tran:6 Le:4 Pham:4 Hoang:3
    Karimi:4 Ahmadi:4 Mohammadi:4 Hosseini:4 Rezaei:3 Hamid:5 Mustafa:6 Abbas:8 Jaber:4 Haddad:3
    Saeed:6 Yilmaz:4 Kaya:3 Demir:3 Celik:3 Ozturk:3 Kurt:3 Rossi:3 Silva:5 Santos:5 Ferreira:4
    Costa:4 Pereira:4 Oliveira:4 Rodriguez:3 Garcia:4 Fernandes:5 D'Souza:4 Pinto:3 Gomes:3
    Atkinson:8 Bradley:8 Dawson:6 Fletcher:6 Gibson:8 Hamilton:6 Jordan:6 Lowe:6 Matthews:8 Newman:6
    Osborne:5 Perry:6 Riley:6 Saunders:6 Sutton:5 Walters:6 Wells:6 Webster:5 Whitehouse:5 Yates:5
    Bird:6 Booth:5 Burton:6 Chambers:6 Cole:6 Day:6 Dean:5 Ford:6 Gardner:6 Gregory:5 Hardy:5
    Holland:5 Howard:8 Jennings:5 Kay:5 Lane:5 Marsh:5 Nicholls:6 Norton:5 Page:5 Pearson:8 Pugh:5
    Reynolds:6 Rose:5 Spencer:8 Stone:5 Tucker:5 Tyler:5 Wade:5 Warren:5 Watts:6 Weston:5 Wheeler:5
    """
}
