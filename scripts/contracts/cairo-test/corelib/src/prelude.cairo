mod v2023_01;
mod v2023_10;
mod v2024_07;
