$d1024_direct << EOD
1 7812.948 0.21
16 33776.388 1.427
64 49843.762 3.322
EOD
$d1024_proxy_pair << EOD
1 3194.062 0.432
16 9615.527 3.482
64 11389.878 10.136
EOD
$d1024_relay_pair << EOD
1 1949.153 0.696
16 12483.817 2.583
64 13056.204 9.52
EOD
$d1024_gateway_pair << EOD
1 618.1 3.8
16 3102.709 11.507
64 4246.737 27.352
EOD
$d65536_direct << EOD
1 1677.662 1.044
16 2939.335 9.379
64 3375.69 30.44
EOD
$d65536_proxy_pair << EOD
1 840.481 1.908
16 1373.481 19.509
64 1600.358 63.486
EOD
$d65536_relay_pair << EOD
1 698.073 2.582
16 1389.132 19.175
64 1487.683 64.323
EOD
$d65536_gateway_pair << EOD
1 295.357 6.51
16 729.833 31.656
64 811.985 111.301
EOD
$d1048576_direct << EOD
1 142.923 16.565
16 194.366 164.848
64 199.048 561.469
EOD
$d1048576_proxy_pair << EOD
1 73.925 21.589
16 110.188 191.801
64 108.877 739.073
EOD
$d1048576_relay_pair << EOD
1 73.561 22.573
16 86.391 263.611
64 91.705 1175.054
EOD
$d1048576_gateway_pair << EOD
1 44.186 33.466
16 69.882 365.588
64 64.826 1872.47
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run11/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
