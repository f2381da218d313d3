-- Dora's sample database: a small music shop, made at first use so it needs no server.
-- One statement per block, each ending with a semicolon at the end of a line.
PRAGMA foreign_keys = ON;

CREATE TABLE genre (
  genre_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE artist (
  artist_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE album (
  album_id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  artist_id INTEGER NOT NULL REFERENCES artist(artist_id),
  released INTEGER
);

CREATE TABLE track (
  track_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  album_id INTEGER NOT NULL REFERENCES album(album_id),
  genre_id INTEGER REFERENCES genre(genre_id),
  milliseconds INTEGER NOT NULL,
  unit_price NUMERIC(6,2) NOT NULL
);

CREATE TABLE customer (
  customer_id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  country TEXT NOT NULL
);

CREATE TABLE invoice (
  invoice_id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer(customer_id) ON DELETE CASCADE,
  invoice_date TEXT NOT NULL,
  total NUMERIC(10,2) NOT NULL DEFAULT 0
);

CREATE TABLE invoice_line (
  invoice_line_id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoice(invoice_id) ON DELETE CASCADE,
  track_id INTEGER NOT NULL REFERENCES track(track_id),
  unit_price NUMERIC(6,2) NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX album_artist ON album(artist_id);
CREATE INDEX track_album ON track(album_id);
CREATE INDEX track_genre ON track(genre_id);
CREATE INDEX invoice_customer ON invoice(customer_id);
CREATE INDEX invoice_line_invoice ON invoice_line(invoice_id);

INSERT INTO genre(genre_id, name) VALUES
  (1, 'Rock'), (2, 'Jazz'), (3, 'Classical'), (4, 'Blues'), (5, 'Electronic'), (6, 'Folk');

INSERT INTO artist(artist_id, name)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
  SELECT i, 'Artist ' || char(64 + i) FROM n;

INSERT INTO album(album_id, title, artist_id, released)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
  SELECT i, 'Album ' || i, (i - 1) % 20 + 1, 1965 + (i * 7) % 58 FROM n;

INSERT INTO track(track_id, name, album_id, genre_id, milliseconds, unit_price)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
  SELECT i, 'Track ' || i, (i - 1) / 10 + 1, (i - 1) % 6 + 1, 120000 + (i * 7919) % 300000,
         CASE WHEN i % 5 = 0 THEN 1.29 ELSE 0.99 END FROM n;

INSERT INTO customer(customer_id, first_name, last_name, email, country)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
  SELECT i, 'Customer', 'No. ' || i, 'customer' || i || '@example.com',
         CASE i % 5 WHEN 0 THEN 'Germany' WHEN 1 THEN 'Brazil' WHEN 2 THEN 'Canada' WHEN 3 THEN 'France' ELSE 'Japan' END
  FROM n;

INSERT INTO invoice(invoice_id, customer_id, invoice_date)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
  SELECT i, (i - 1) % 50 + 1, date('2024-01-01', '+' || i || ' days') FROM n;

INSERT INTO invoice_line(invoice_line_id, invoice_id, track_id, unit_price, quantity)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 900)
  SELECT i, (i - 1) / 3 + 1, (i * 37) % 600 + 1, (SELECT unit_price FROM track WHERE track_id = (i * 37) % 600 + 1), 1 + i % 2
  FROM n;

UPDATE invoice SET total = (SELECT sum(unit_price * quantity) FROM invoice_line l WHERE l.invoice_id = invoice.invoice_id);

CREATE VIEW invoice_summary AS
  SELECT c.country, count(DISTINCT i.invoice_id) AS invoices, round(sum(i.total), 2) AS revenue
  FROM invoice i JOIN customer c ON c.customer_id = i.customer_id GROUP BY c.country;
